package dk.clinic.booking.utilization;

import dk.clinic.booking.appointment.Appointments;
import dk.clinic.booking.bookable.Bookable;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Device;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.bookable.Room;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.workinghours.TimeRange;
import dk.clinic.booking.workinghours.WorkingHoursService;
import dk.clinic.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * How much of the time practitioners, rooms and devices could be booked was booked, week by week. Available time is
 * what slot search offers: a practitioner's working time (weekly hours less breaks, plus extra hours, less absences,
 * nothing on closed days); a room's or a device's is the clinic's open time, when at least one practitioner works.
 * Booked time is that of the appointments that held the resource (a no-show's too), within the period.
 */
@ApplicationScoped
public class UtilizationService {

    /** Half a year of weeks at the most in one answer. */
    static final int MOST_DAYS = 183;

    private final Bookables bookables;
    private final WorkingHoursService workingHours;
    private final Appointments appointments;
    private final ClinicService clinics;

    UtilizationService(Bookables bookables, WorkingHoursService workingHours, Appointments appointments,
                       ClinicService clinics) {
        this.bookables = bookables;
        this.workingHours = workingHours;
        this.appointments = appointments;
        this.clinics = clinics;
    }

    public List<WeekOfResource> utilization(LocalDate from, LocalDate to, ResourceKind kind) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from (" + from + ")");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MOST_DAYS) {
            throw ProblemException.invalid("to", "is more than " + MOST_DAYS + " days after from; ask for half a year at the most");
        }
        ClinicCalendar calendar = clinics.calendar();
        List<Practitioner> practitioners = bookables.active(Practitioner.class);
        Map<UUID, List<TimeRange>> working = workingHours.workingTime(
                practitioners.stream().map(p -> p.id).toList(), from, to);
        Instant start = calendar.startOfDay(from);
        Instant end = calendar.startOfDay(to.plusDays(1));
        List<Appointments.HeldTime> held = appointments.holdingTimeBetween(start, end);

        List<? extends Bookable> resources;
        Map<UUID, List<TimeRange>> available = new HashMap<>();
        Function<Appointments.HeldTime, UUID> resourceOf;
        switch (kind) {
            case practitioner -> {
                resources = practitioners;
                available.putAll(working);
                resourceOf = Appointments.HeldTime::practitionerId;
            }
            case room -> {
                resources = bookables.active(Room.class);
                List<TimeRange> open = union(working.values());
                resources.forEach(room -> available.put(room.id, open));
                resourceOf = Appointments.HeldTime::roomId;
            }
            default -> {
                resources = bookables.active(Device.class);
                List<TimeRange> open = union(working.values());
                resources.forEach(device -> available.put(device.id, open));
                resourceOf = Appointments.HeldTime::deviceId;
            }
        }
        Map<UUID, Map<LocalDate, long[]>> minutes = new HashMap<>();
        for (Bookable resource : resources) {
            Map<LocalDate, long[]> weeks = new TreeMap<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                weeks.computeIfAbsent(weekOf(day), w -> new long[2]);
            }
            for (TimeRange range : available.getOrDefault(resource.id, List.of())) {
                TimeRange within = clip(range, start, end);
                if (within != null) {
                    weeks.computeIfAbsent(weekOf(calendar.local(within.start()).toLocalDate()), w -> new long[2])[0]
                            += Duration.between(within.start(), within.end()).toMinutes();
                }
            }
            minutes.put(resource.id, weeks);
        }
        for (Appointments.HeldTime appointment : held) {
            UUID resource = resourceOf.apply(appointment);
            TimeRange within = clip(new TimeRange(appointment.start(), appointment.end()), start, end);
            if (resource != null && minutes.containsKey(resource) && within != null) {
                minutes.get(resource).computeIfAbsent(weekOf(calendar.local(within.start()).toLocalDate()),
                        w -> new long[2])[1] += Duration.between(within.start(), within.end()).toMinutes();
            }
        }
        List<WeekOfResource> rows = new ArrayList<>();
        resources.stream().sorted(Comparator.comparing((Bookable b) -> b.name).thenComparing(b -> b.id))
                .forEach(resource -> minutes.get(resource.id).forEach((week, m) -> rows.add(new WeekOfResource(
                        resource.id, resource.name, kind, week, m[0], m[1],
                        m[0] == 0 ? null : (double) m[1] / m[0]))));
        return rows;
    }

    private static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static TimeRange clip(TimeRange range, Instant start, Instant end) {
        Instant from = range.start().isBefore(start) ? start : range.start();
        Instant to = range.end().isAfter(end) ? end : range.end();
        return from.isBefore(to) ? new TimeRange(from, to) : null;
    }

    /** The times covered by any of the ranges, as ranges that do not overlap. */
    static List<TimeRange> union(Iterable<List<TimeRange>> all) {
        List<TimeRange> ranges = new ArrayList<>();
        all.forEach(ranges::addAll);
        ranges.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange range : ranges) {
            TimeRange last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !range.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new TimeRange(last.start(),
                        range.end().isAfter(last.end()) ? range.end() : last.end()));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }

    /** The kinds of resource a clinic books. */
    public enum ResourceKind {
        practitioner, room, device
    }

    /**
     * One resource's week (Monday to Sunday, clinic time; only the days inside the period count).
     *
     * @param utilization booked over available minutes; null when nothing was available
     */
    public record WeekOfResource(UUID resourceId, String name, ResourceKind kind, LocalDate week,
                                 long availableMinutes, long bookedMinutes, Double utilization) {
    }
}
