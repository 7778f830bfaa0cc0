package dk.clinic.booking.workinghours;

import dk.clinic.booking.clinic.ClinicCalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rule of working time, apart from where its parts are stored: weekly hours less weekly breaks, day by day in the
 * clinic's zone (so a weekly 09:00 stays 09:00 on both sides of a daylight-saving change), plus extra hours, less
 * absences, and nothing at all on a day the clinic is closed, extra hours included.
 *
 * @param hours      the practitioner's weekly hours
 * @param breaks     their weekly breaks
 * @param exceptions their absences and extra hours, in any order
 * @param closures   the clinic's closed days
 */
public record WorkingTime(List<Weekly> hours, List<Weekly> breaks, List<Dated> exceptions, List<Closure> closures) {

    public WorkingTime {
        hours = List.copyOf(hours);
        breaks = List.copyOf(breaks);
        // extra hours are added and absences taken away in the order they start
        exceptions = exceptions.stream().sorted(Comparator.comparing(exception -> exception.range().start())).toList();
        closures = List.copyOf(closures);
    }

    /** The time worked between the local days {@code from} and {@code to}, both included: sorted and disjoint. */
    public List<TimeRange> between(LocalDate from, LocalDate to, ClinicCalendar calendar) {
        List<TimeRange> ranges = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (closedOn(day)) {
                continue;
            }
            for (Weekly period : hours) {
                if (period.weekday() == day.getDayOfWeek()) {
                    ranges = TimeRange.union(ranges, period.on(day, calendar));
                }
            }
            for (Weekly pause : breaks) {
                if (pause.weekday() == day.getDayOfWeek()) {
                    ranges = TimeRange.subtract(ranges, pause.on(day, calendar));
                }
            }
        }
        for (Dated exception : exceptions) {
            if (exception.kind() == AvailabilityException.Kind.extra
                    && !closedOn(calendar.local(exception.range().start()).toLocalDate())) {
                ranges = TimeRange.union(ranges, exception.range());
            }
        }
        for (Dated exception : exceptions) {
            if (exception.kind() == AvailabilityException.Kind.absence) {
                ranges = TimeRange.subtract(ranges, exception.range());
            }
        }
        return ranges;
    }

    boolean closedOn(LocalDate day) {
        return closures.stream().anyMatch(closure -> closure.covers(day));
    }

    /** A weekly period, hours or a break, in the clinic's local time. */
    public record Weekly(DayOfWeek weekday, LocalTime start, LocalTime end) {

        /** This period on {@code day}; a local time the clocks skip moves on by the gap, as a wall clock does. */
        TimeRange on(LocalDate day, ClinicCalendar calendar) {
            return new TimeRange(calendar.resolveOrShift(day.atTime(start)), calendar.resolveOrShift(day.atTime(end)));
        }
    }

    /** An absence or extra hours, as instants. */
    public record Dated(AvailabilityException.Kind kind, TimeRange range) {
    }

    /** Whole local days the clinic is closed, both included. */
    public record Closure(LocalDate firstDay, LocalDate lastDay) {

        boolean covers(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }
}
