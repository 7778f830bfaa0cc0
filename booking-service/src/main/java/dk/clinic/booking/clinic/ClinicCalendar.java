package dk.clinic.booking.clinic;

import dk.clinic.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;

/**
 * Local clinic time and instants, converted strictly. Times are entered in local time and stored as instants, so a
 * weekly 09:00 stays at 09:00 across daylight-saving changes. A local time that does not exist (the hour the
 * clocks skip) is refused; in the hour that happens twice the earlier one is meant unless an offset says otherwise.
 * No time the reception enters lies beyond {@code latest}, the horizon the clinic books ahead; records of the past
 * (absences, closures) reach back no further than {@code earliest} ({@link #requireWithin}). Whether a time may lie in
 * the past at all is each feature's own rule (an appointment may not).
 */
public record ClinicCalendar(ZoneId zone, LocalDate earliest, LocalDate latest) {

    /** The slug of a refusal for a time outside the booking window. */
    public static final String OUTSIDE_WINDOW = "outside-booking-window";

    public Instant resolve(String field, ClinicTime time) {
        LocalDateTime local = time.local();
        requireBeforeHorizon(field, local.toLocalDate());
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            throw ProblemException.invalid(field, "%s does not exist in %s: the clocks go from %s to %s that night"
                    .formatted(local, zone, gap.getDateTimeBefore().toLocalTime(), gap.getDateTimeAfter().toLocalTime()));
        }
        if (time.offset() != null) {
            if (!offsets.contains(time.offset())) {
                throw ProblemException.invalid(field, "%s is not a valid offset for %s in %s (valid: %s)"
                        .formatted(time.offset(), local, zone, offsets));
            }
            return local.atOffset(time.offset()).toInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, offsets.getFirst()).toInstant();
    }

    /** Refuses a day of a record that may lie in the past (an absence, a closure) outside the window (422). */
    public void requireWithin(String field, LocalDate day) {
        if (day.isBefore(earliest)) {
            throw new ProblemException(422, OUTSIDE_WINDOW, "Outside the booking window",
                    "The clinic keeps such records from " + earliest + " on").field(field, "must not be before " + earliest);
        }
        requireBeforeHorizon(field, day);
    }

    private void requireBeforeHorizon(String field, LocalDate day) {
        if (day.isAfter(latest)) {
            throw new ProblemException(422, OUTSIDE_WINDOW, "Beyond the booking horizon",
                    "The clinic books up to " + latest).field(field, "must not be after " + latest);
        }
    }

    /** Like {@link #resolve} for a time computed by the system (e.g. the next occurrence of a series). */
    public Instant resolveOrShift(LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    public LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    public ClinicTime clinicTime(Instant instant) {
        ZonedDateTime zoned = instant.atZone(zone);
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(zoned.toLocalDateTime());
        return new ClinicTime(zoned.toLocalDateTime(), offsets.size() > 1 ? zoned.getOffset() : null);
    }
}
