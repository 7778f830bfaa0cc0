package dk.clinic.platform.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * Reads the values of a native query's row. Hibernate hands back {@code timestamptz} as {@link OffsetDateTime} or
 * {@link java.sql.Timestamp}, {@code date} and {@code time} as java.time or java.sql types, depending on the
 * version and the query; the callers want one type each.
 */
public final class SqlValues {

    private SqlValues() {
    }

    public static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> (Instant) value;
        };
    }

    public static LocalDate date(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Date date -> date.toLocalDate();
            default -> (LocalDate) value;
        };
    }

    public static LocalTime time(Object value) {
        return switch (value) {
            case null -> null;
            case java.sql.Time time -> time.toLocalTime();
            default -> (LocalTime) value;
        };
    }
}
