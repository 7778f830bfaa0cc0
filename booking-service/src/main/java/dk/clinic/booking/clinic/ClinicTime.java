package dk.clinic.booking.clinic;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dk.clinic.platform.validation.Accepted;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A wall-clock time at the clinic as a receptionist enters it: {@code 2026-03-30T09:00}, optionally with the offset
 * that settles the repeated hour when clocks go back ({@code 2026-10-25T02:30+01:00}). Resolved to an instant by
 * {@link ClinicCalendar}, which refuses times that do not exist.
 */
@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
        description = "Local clinic time, e.g. 2026-12-01T09:00 (an offset may follow: 2026-10-25T02:30+01:00)",
        examples = "2026-12-01T09:00")
public record ClinicTime(LocalDateTime local, ZoneOffset offset) {

    private static final String FORMAT = "must be a local date and time such as 2026-12-01T09:00";

    /** Refuses a time no clinic can mean (and one Jackson would build from an object without a local time). */
    public ClinicTime {
        if (local == null) {
            throw new IllegalArgumentException(FORMAT);
        }
        Accepted.dateProblem(local.toLocalDate()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    @JsonCreator
    public static ClinicTime parse(String text) {
        try {
            if (text.length() > 16 && text.matches(".*([+-]\\d\\d:\\d\\d|Z)$")) {
                OffsetDateTime withOffset = OffsetDateTime.parse(text);
                return new ClinicTime(withOffset.toLocalDateTime(), withOffset.getOffset());
            }
            return new ClinicTime(LocalDateTime.parse(text), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(FORMAT);
        }
    }

    public static ClinicTime of(LocalDateTime local) {
        return new ClinicTime(local, null);
    }

    @JsonValue
    @Override
    public String toString() {
        return offset == null ? local.toString() : local.toString() + offset;
    }
}
