package dk.clinic.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The rest of the clinic's clinical record, so that the timeline's queries run against tables of a clinic's size
 * rather than ten episodes: copies of the episodes written through the API, one for each of the other patients,
 * straight into treatment's tables as the superuser. Writing them through the API would take most of an hour and
 * measure only the set-up. Each copy is what the service wrote for the original, row for row (episode, plan, plan
 * versions, courses, scheduling requests, sessions, review decisions, outcome measurements and scores), with its
 * own patient and new ids: md5 of the original id and the copy's number, applied alike to the ids that refer to
 * each other, down to the course ids inside the plan versions' snapshots. No outbox rows: the originals' events
 * were published already.
 */
final class EpisodeCopies {

    private EpisodeCopies() {
    }

    record Summary(long episodes, long sessions, long reviews, long planVersions, long measurements, long scores,
                   Duration took) {
    }

    /** One copy of an original per patient, in turn; then VACUUM ANALYZE, and the totals in the tables. */
    static Summary write(BenchDatabase database, List<EpisodeSeed.Episode> originals, List<UUID> patients)
            throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.superuser()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        create temporary table bench_copy (copy_no integer, source uuid, patient uuid)
                        on commit drop""");
            }
            try (PreparedStatement copy = connection.prepareStatement("insert into bench_copy values (?, ?, ?)")) {
                for (int i = 0; i < patients.size(); i++) {
                    copy.setInt(1, i / originals.size() + 1);
                    copy.setObject(2, originals.get(i % originals.size()).id());
                    copy.setObject(3, patients.get(i));
                    copy.addBatch();
                }
                copy.executeBatch();
            }
            try (Statement statement = connection.createStatement()) {
                for (String insert : INSERTS) {
                    statement.execute(insert.replace("$episodes", EPISODES).replace("$plans", PLANS)
                            .replace("$courses", COURSES));
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        vacuum (analyze) treatment.episode_of_care, treatment.treatment_plan,
                            treatment.treatment_plan_version, treatment.course, treatment.scheduling_request,
                            treatment.session_record, treatment.review_decision, treatment.outcome_measurement,
                            treatment.outcome_score, treatment.patient_reference""");
            }
            return new Summary(count(connection, "episode_of_care"), count(connection, "session_record"),
                    count(connection, "review_decision"), count(connection, "treatment_plan_version"),
                    count(connection, "outcome_measurement"), count(connection, "outcome_score"),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The copy's id for an original id (null stays null, as for a session without an appointment). */
    private static String copied(String id) {
        return "md5((" + id + ")::text || ':' || c.copy_no)::uuid";
    }

    /** Each original episode with its copies (c), its plan (p) and its courses (k), for the joins below. */
    private static final String EPISODES = "treatment.episode_of_care e join bench_copy c on c.source = e.id";
    private static final String PLANS = "treatment.treatment_plan p join bench_copy c on c.source = p.episode_id";
    private static final String COURSES = """
            treatment.course k join treatment.treatment_plan p on p.id = k.plan_id
                join bench_copy c on c.source = p.episode_id""";

    private static final List<String> INSERTS = List.of(
            """
            insert into treatment.episode_of_care (id, patient_id, condition, condition_note, side, symptom_weeks,
                weight_kg, runs, standing_work, footwear, referral_source, rf_no_improvement,
                rf_swelling_redness_warmth, rf_cannot_stand_or_walk, rf_systemic_disease, red_flag_note,
                referral_decision, referral_reason, referral_decided_by, referral_decided_at, status, opened_at,
                opened_by, version, closed_at)
            select %s, c.patient, e.condition, e.condition_note, e.side, e.symptom_weeks, e.weight_kg, e.runs,
                e.standing_work, e.footwear, e.referral_source, e.rf_no_improvement, e.rf_swelling_redness_warmth,
                e.rf_cannot_stand_or_walk, e.rf_systemic_disease, e.red_flag_note, e.referral_decision,
                e.referral_reason, e.referral_decided_by, e.referral_decided_at, e.status, e.opened_at, e.opened_by,
                e.version, e.closed_at
            from $episodes""".formatted(copied("e.id")),
            """
            insert into treatment.treatment_plan (id, episode_id, status, goals, current_version, created_at,
                created_by, version)
            select %s, %s, p.status, p.goals, p.current_version, p.created_at, p.created_by, p.version
            from $plans""".formatted(copied("p.id"), copied("p.episode_id")),
            """
            insert into treatment.treatment_plan_version (plan_id, number, changed_at, changed_by, change, snapshot)
            select %s, v.number, v.changed_at, v.changed_by, v.change,
                jsonb_set(v.snapshot, '{courses}', coalesce((
                    select jsonb_agg(jsonb_set(course, '{id}', to_jsonb(%s::text)) order by ord)
                    from jsonb_array_elements(v.snapshot -> 'courses') with ordinality as listed(course, ord)),
                    '[]'::jsonb))
            from treatment.treatment_plan_version v join $plans on p.id = v.plan_id"""
                    .formatted(copied("v.plan_id"), copied("course ->> 'id'")),
            """
            insert into treatment.course (id, plan_id, position, modality, planned_sessions, interval_days,
                review_after_sessions, parameters, practitioner_preference, status, sessions_delivered, auto_book,
                replace_missed)
            select %s, %s, k.position, k.modality, k.planned_sessions, k.interval_days, k.review_after_sessions,
                k.parameters, k.practitioner_preference, k.status, k.sessions_delivered, k.auto_book,
                k.replace_missed
            from $courses""".formatted(copied("k.id"), copied("k.plan_id")),
            """
            insert into treatment.scheduling_request (id, course_id, sessions, reason, requested_at)
            select %s, %s, r.sessions, r.reason, r.requested_at
            from treatment.scheduling_request r join $courses on k.id = r.course_id"""
                    .formatted(copied("r.id"), copied("r.course_id")),
            """
            insert into treatment.session_record (id, course_id, appointment_id, delivered_at, status, details,
                adverse_events, notes, first_step_pain, recorded_by, recorded_at, version, number_in_course)
            select %s, %s, %s, s.delivered_at, s.status, s.details, s.adverse_events, s.notes, s.first_step_pain,
                s.recorded_by, s.recorded_at, s.version, s.number_in_course
            from treatment.session_record s join $courses on k.id = s.course_id"""
                    .formatted(copied("s.id"), copied("s.course_id"), copied("s.appointment_id")),
            """
            insert into treatment.review_decision (id, plan_id, course_id, decision, additional_sessions, new_modality,
                reason, decided_by, decided_at)
            select %s, %s, %s, d.decision, d.additional_sessions, d.new_modality, d.reason, d.decided_by, d.decided_at
            from treatment.review_decision d join $plans on p.id = d.plan_id"""
                    .formatted(copied("d.id"), copied("d.plan_id"), copied("d.course_id")),
            """
            insert into treatment.outcome_measurement (id, episode_id, instrument, timepoint, measured_on, answers,
                recorded_by, recorded_at)
            select %s, %s, m.instrument, m.timepoint, m.measured_on, m.answers, m.recorded_by, m.recorded_at
            from treatment.outcome_measurement m join bench_copy c on c.source = m.episode_id"""
                    .formatted(copied("m.id"), copied("m.episode_id")),
            """
            insert into treatment.outcome_score (measurement_id, scale, value, answered, items)
            select %s, o.scale, o.value, o.answered, o.items
            from treatment.outcome_score o join treatment.outcome_measurement m on m.id = o.measurement_id
                join bench_copy c on c.source = m.episode_id"""
                    .formatted(copied("o.measurement_id")));

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from treatment." + table)) {
            row.next();
            return row.getLong(1);
        }
    }
}
