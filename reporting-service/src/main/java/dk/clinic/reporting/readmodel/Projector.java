package dk.clinic.reporting.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.inbox.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns one event into the read model's rows. Every event carries the whole new state of what it is about with its
 * version, and a row is only ever replaced by a newer version; facts that never change (a review decision, an
 * outcome's scores) are inserted once. So the same events in any order, any number of times, give the same tables:
 * redelivery, duplicates and out-of-order arrival change nothing, and a rebuild gives back what was there.
 */
@ApplicationScoped
class Projector {

    static final Set<EventType> TYPES = EnumSet.of(
            EventType.EPISODE_OPENED, EventType.EPISODE_CHANGED, EventType.EPISODE_CLOSED,
            EventType.PLAN_CHANGED, EventType.PLAN_REVIEW_DECIDED,
            EventType.SESSION_DELIVERED, EventType.SESSION_RECORDED,
            EventType.OUTCOME_RECORDED,
            EventType.APPOINTMENT_BOOKED, EventType.APPOINTMENT_RESCHEDULED, EventType.APPOINTMENT_CANCELLED,
            EventType.APPOINTMENT_ARRIVED, EventType.APPOINTMENT_FULFILLED, EventType.APPOINTMENT_NO_SHOW);

    private static final String EPISODE = """
            insert into episode as e (id, patient_id, condition, side, red_flag_positive, referral_decision, status,
                                      opened_at, closed_at, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set condition = excluded.condition, side = excluded.side,
                red_flag_positive = excluded.red_flag_positive, referral_decision = excluded.referral_decision,
                status = excluded.status, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
                version = excluded.version
            where e.version < excluded.version""";
    private static final String COURSE = """
            insert into course as c (id, plan_id, episode_id, patient_id, position, modality, planned_sessions,
                                     review_after_sessions, status, plan_version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set position = excluded.position, modality = excluded.modality,
                planned_sessions = excluded.planned_sessions, review_after_sessions = excluded.review_after_sessions,
                status = excluded.status, plan_version = excluded.plan_version
            where c.plan_version < excluded.plan_version""";
    private static final String REVIEW = """
            insert into review_decision (id, plan_id, episode_id, patient_id, course_id, modality, sessions_delivered,
                                         decision, new_modality, decided_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do nothing""";
    private static final String SESSION = """
            insert into session as s (id, patient_id, episode_id, course_id, modality, session_number, appointment_id,
                                      delivered_at, first_step_pain, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set session_number = excluded.session_number,
                appointment_id = excluded.appointment_id, delivered_at = excluded.delivered_at,
                first_step_pain = excluded.first_step_pain, version = excluded.version
            where s.version < excluded.version""";
    private static final String OUTCOME = """
            insert into outcome_score (measurement_id, scale, patient_id, episode_id, instrument, timepoint,
                                       measured_on, value, better_is, mcic)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (measurement_id, scale) do nothing""";
    private static final String APPOINTMENT = """
            insert into appointment as a (id, patient_id, practitioner_id, modality, plan_id, course_id, starts_at,
                                          ends_at, status, cancelled_by, late, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (id) do update set practitioner_id = excluded.practitioner_id,
                modality = excluded.modality, plan_id = excluded.plan_id, course_id = excluded.course_id,
                starts_at = excluded.starts_at, ends_at = excluded.ends_at, status = excluded.status,
                cancelled_by = excluded.cancelled_by, late = excluded.late, version = excluded.version
            where a.version < excluded.version""";

    private final EntityManager entityManager;

    Projector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Applies one event in the caller's transaction. */
    void apply(EventType type, JsonNode data) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            apply(new Rows.Immediate(connection), type, data);
            refreshSummaries(connection, type, new Data(type, data));
        });
    }

    /** Recomputes the summaries that rest on what the event changed, and only those. */
    private static void refreshSummaries(Connection connection, EventType type, Data d) throws SQLException {
        switch (type) {
            case EPISODE_OPENED, EPISODE_CHANGED, EPISODE_CLOSED -> {
                Summaries.initialModality(connection, d.uuid("episodeId"));
                Summaries.patientEpisodes(connection, d.uuid("patientId"));
            }
            case PLAN_CHANGED -> Summaries.initialModality(connection, d.uuid("episodeId"));
            case OUTCOME_RECORDED -> {
                Summaries.scales(connection, d.uuid("episodeId"));
                Summaries.response(connection, d.uuid("episodeId"));
            }
            case SESSION_DELIVERED, SESSION_RECORDED -> {
                Summaries.response(connection, d.uuid("episodeId"));
                Summaries.practitioners(connection, d.uuid("episodeId"));
                Summaries.cellSessions(connection, d.uuid("patientId"));
            }
            case APPOINTMENT_BOOKED, APPOINTMENT_RESCHEDULED, APPOINTMENT_CANCELLED, APPOINTMENT_ARRIVED,
                 APPOINTMENT_FULFILLED, APPOINTMENT_NO_SHOW -> {
                for (UUID episode : episodesDeliveredIn(connection, d.uuid("appointmentId"))) {
                    Summaries.practitioners(connection, episode);
                }
            }
            default -> {
                // a review decision: no summary rests on it
            }
        }
    }

    /** The episodes with a session delivered in the appointment. */
    private static List<UUID> episodesDeliveredIn(Connection connection, UUID appointment) throws SQLException {
        List<UUID> episodes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select distinct episode_id from session where appointment_id = ?")) {
            statement.setObject(1, appointment);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    episodes.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return episodes;
    }

    /** Applies one event's rows to {@code rows}: at once, or in a batch of a rebuild. */
    void apply(Rows rows, EventType type, JsonNode data) throws SQLException {
        Data d = new Data(type, data);
        switch (type) {
            case EPISODE_OPENED, EPISODE_CHANGED, EPISODE_CLOSED -> rows.write(EPISODE,
                    d.uuid("episodeId"), d.uuid("patientId"), d.text("condition"), d.text("side"),
                    d.bool("redFlagPositive"), d.optionalText("referralDecision"), d.text("status"),
                    d.instant("openedAt"), d.optionalInstant("closedAt"), d.number("version"));
            case PLAN_CHANGED -> {
                JsonNode courses = data.path("courses");
                if (!courses.isArray()) {
                    throw d.malformed("courses");
                }
                for (JsonNode course : courses) {
                    Data c = new Data(type, course);
                    rows.write(COURSE, c.uuid("courseId"), d.uuid("planId"), d.uuid("episodeId"),
                            d.uuid("patientId"), c.number("position"), c.text("modality"), c.number("plannedSessions"),
                            c.number("reviewAfterSessions"), c.text("status"), d.number("planVersion"));
                }
            }
            case PLAN_REVIEW_DECIDED -> rows.write(REVIEW, d.uuid("decisionId"), d.uuid("planId"),
                    d.uuid("episodeId"), d.uuid("patientId"), d.uuid("courseId"), d.text("modality"),
                    d.number("sessionsDelivered"), d.text("decision"), d.optionalText("newModality"),
                    d.instant("decidedAt"));
            case SESSION_DELIVERED, SESSION_RECORDED -> rows.write(SESSION, d.uuid("sessionId"),
                    d.uuid("patientId"), d.uuid("episodeId"), d.uuid("courseId"), d.text("modality"),
                    d.number("sessionNumber"), d.optionalUuid("appointmentId"), d.instant("deliveredAt"),
                    d.optionalNumber("firstStepPain"), d.number("version"));
            case OUTCOME_RECORDED -> {
                JsonNode scores = data.path("scores");
                if (!scores.isArray() || scores.isEmpty()) {
                    throw d.malformed("scores");
                }
                for (JsonNode score : scores) {
                    Data s = new Data(type, score);
                    rows.write(OUTCOME, d.uuid("measurementId"), s.text("scale"), d.uuid("patientId"),
                            d.uuid("episodeId"), d.text("instrument"), d.text("timepoint"), d.date("measuredOn"),
                            s.decimal("value"), s.text("betterIs"), s.optionalDecimal("mcic"));
                }
            }
            case APPOINTMENT_BOOKED, APPOINTMENT_RESCHEDULED, APPOINTMENT_CANCELLED, APPOINTMENT_ARRIVED,
                 APPOINTMENT_FULFILLED, APPOINTMENT_NO_SHOW -> {
                JsonNode cancellation = data.path("cancellation");
                rows.write(APPOINTMENT, d.uuid("appointmentId"), d.uuid("patientId"),
                        d.uuid("practitionerId"), d.text("modality"), d.optionalUuid("planId"),
                        d.optionalUuid("courseId"), d.instant("start"), d.instant("end"), d.text("status"),
                        cancellation.isObject() ? new Data(type, cancellation).text("by") : null,
                        cancellation.isObject() && cancellation.path("late").asBoolean(false), d.number("version"));
            }
            default -> throw new IllegalArgumentException("The read model does not take " + type);
        }
    }

    /** Where an event's rows go: written at once (the intake), or batched per statement (a rebuild). */
    abstract static class Rows {

        abstract void write(String sql, Object... values) throws SQLException;

        static void bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                switch (value) {
                    case null -> statement.setNull(i + 1, Types.OTHER);
                    case Instant instant -> statement.setTimestamp(i + 1, Timestamp.from(instant));
                    case LocalDate date -> statement.setObject(i + 1, date);
                    default -> statement.setObject(i + 1, value);
                }
            }
        }

        static final class Immediate extends Rows {
            private final Connection connection;

            Immediate(Connection connection) {
                this.connection = connection;
            }

            @Override
            void write(String sql, Object... values) throws SQLException {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, values);
                    statement.executeUpdate();
                }
            }
        }

        /**
         * Rows sent in batches, one prepared statement per kind of row. The server runs a batch's statements one
         * after the other, so two versions of one row in a batch end as they would one by one.
         */
        static final class Batched extends Rows implements AutoCloseable {
            private static final int SIZE = 1_000;
            private final Connection connection;
            private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();
            private int pending;

            Batched(Connection connection) {
                this.connection = connection;
            }

            @Override
            void write(String sql, Object... values) throws SQLException {
                PreparedStatement statement = statements.get(sql);
                if (statement == null) {
                    statement = connection.prepareStatement(sql);
                    statements.put(sql, statement);
                }
                bind(statement, values);
                statement.addBatch();
                if (++pending >= SIZE) {
                    flush();
                }
            }

            void flush() throws SQLException {
                for (PreparedStatement statement : statements.values()) {
                    statement.executeBatch();
                }
                pending = 0;
            }

            @Override
            public void close() throws SQLException {
                try {
                    flush();
                } finally {
                    for (PreparedStatement statement : statements.values()) {
                        statement.close();
                    }
                }
            }
        }
    }

    /** An event's data, read field by field; a missing or ill-typed field is a broken contract, never retried. */
    private record Data(EventType type, JsonNode node) {

        MalformedEventException malformed(String field) {
            return new MalformedEventException(type.type() + ": data field '" + field + "' is missing or malformed");
        }

        JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw malformed(field);
            }
            return value;
        }

        String text(String field) {
            JsonNode value = required(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw malformed(field);
            }
            return value.asText();
        }

        String optionalText(String field) {
            return node.hasNonNull(field) ? text(field) : null;
        }

        UUID uuid(String field) {
            try {
                return UUID.fromString(text(field));
            } catch (IllegalArgumentException e) {
                throw malformed(field);
            }
        }

        UUID optionalUuid(String field) {
            return node.hasNonNull(field) ? uuid(field) : null;
        }

        long number(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw malformed(field);
            }
            return value.asLong();
        }

        Long optionalNumber(String field) {
            return node.hasNonNull(field) ? number(field) : null;
        }

        BigDecimal decimal(String field) {
            JsonNode value = required(field);
            if (!value.isNumber()) {
                throw malformed(field);
            }
            return value.decimalValue();
        }

        BigDecimal optionalDecimal(String field) {
            return node.hasNonNull(field) ? decimal(field) : null;
        }

        boolean bool(String field) {
            JsonNode value = required(field);
            if (!value.isBoolean()) {
                throw malformed(field);
            }
            return value.asBoolean();
        }

        Instant instant(String field) {
            try {
                return Instant.parse(text(field));
            } catch (DateTimeParseException e) {
                throw malformed(field);
            }
        }

        Instant optionalInstant(String field) {
            return node.hasNonNull(field) ? instant(field) : null;
        }

        LocalDate date(String field) {
            try {
                return LocalDate.parse(text(field));
            } catch (DateTimeParseException e) {
                throw malformed(field);
            }
        }
    }
}
