package dk.clinic.booking.slot;

import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.workinghours.TimeRange;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an appointment fits, as a rule apart from where the facts come from: start times on the clinic's local grid
 * (every {@code stepMinutes} from midnight) inside a practitioner's working time, at which the practitioner and, when
 * the type needs them, a room and a device are free for the appointment with its buffers. The preferred
 * practitioner's times come first, then the earliest.
 */
record SlotGrid(ClinicCalendar calendar, int stepMinutes) {

    /** What the appointment type holds: its length, and the buffers before and after it. */
    record Need(Duration duration, Duration bufferBefore, Duration bufferAfter) {
    }

    /** A practitioner who may deliver the type, with the time they work in the period (sorted, disjoint). */
    record Candidate(UUID id, String name, List<TimeRange> working) {
    }

    /**
     * @param rooms     rooms of the kind the type needs, in the order to offer them; null when it needs no room
     * @param devices   the same for devices
     * @param busy      each resource's held time, sorted by start
     * @param notBefore no slot starts earlier
     * @param preferred whose slots come first, or null
     */
    List<Slot> slots(Need need, List<Candidate> practitioners, List<UUID> rooms, List<UUID> devices,
                     Map<UUID, List<TimeRange>> busy, Instant notBefore, UUID preferred, int limit) {
        Duration step = Duration.ofMinutes(stepMinutes);
        List<Slot> slots = new ArrayList<>();
        for (Candidate candidate : practitioners) {
            List<TimeRange> practitionerBusy = busy.getOrDefault(candidate.id(), List.of());
            for (TimeRange shift : candidate.working()) {
                for (Instant start = aligned(shift.start());
                     !start.plus(need.duration()).isAfter(shift.end());
                     start = start.plus(step)) {
                    if (start.isBefore(notBefore)) {
                        continue;
                    }
                    TimeRange appointment = new TimeRange(start, start.plus(need.duration()));
                    TimeRange held = appointment.widen(need.bufferBefore(), need.bufferAfter());
                    if (!free(practitionerBusy, held)) {
                        continue;
                    }
                    Optional<UUID> room = firstFree(rooms, busy, held);
                    Optional<UUID> device = firstFree(devices, busy, held);
                    if ((rooms == null || room.isPresent()) && (devices == null || device.isPresent())) {
                        slots.add(new Slot(start, appointment.end(), calendar.clinicTime(start), candidate.id(),
                                candidate.name(), room.orElse(null), device.orElse(null),
                                candidate.id().equals(preferred)));
                    }
                }
            }
        }
        slots.sort(Comparator.comparing((Slot s) -> !s.preferred()).thenComparing(Slot::start)
                .thenComparing(Slot::practitionerName));
        return slots.size() > limit ? List.copyOf(slots.subList(0, limit)) : slots;
    }

    /** The first instant at or after {@code start} whose local time lies on the grid. */
    Instant aligned(Instant start) {
        LocalDateTime local = calendar.local(start);
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        int remainder = minuteOfDay % stepMinutes;
        boolean onGrid = remainder == 0 && local.getSecond() == 0 && local.getNano() == 0;
        if (onGrid) {
            return start;
        }
        LocalDateTime floor = local.withSecond(0).withNano(0).minusMinutes(remainder);
        return start.plus(Duration.between(local, floor.plusMinutes(stepMinutes)));
    }

    private static Optional<UUID> firstFree(List<UUID> candidates, Map<UUID, List<TimeRange>> busy, TimeRange held) {
        if (candidates == null) {
            return Optional.empty();
        }
        return candidates.stream().filter(id -> free(busy.getOrDefault(id, List.of()), held)).findFirst();
    }

    /** Whether nothing in {@code busy} (sorted by start) overlaps {@code wanted}. */
    static boolean free(List<TimeRange> busy, TimeRange wanted) {
        for (TimeRange taken : busy) {
            if (taken.start().isAfter(wanted.end())) {
                return true;
            }
            if (taken.overlaps(wanted)) {
                return false;
            }
        }
        return true;
    }
}
