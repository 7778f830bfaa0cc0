package dk.clinic.reporting.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A statement put together from the filters a report was given, each value a bound parameter. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    Sql add(String part, Object... bound) {
        text.append(part).append('\n');
        values.addAll(List.of(bound));
        return this;
    }

    /** Adds {@code part} only when {@code value} is given. */
    Sql addIf(Object value, String part) {
        return value == null ? this : add(part, value);
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(text.toString());
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (value instanceof Enum<?> constant) {
                statement.setString(i + 1, constant.name());
            } else {
                statement.setObject(i + 1, value);
            }
        }
        return statement;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
