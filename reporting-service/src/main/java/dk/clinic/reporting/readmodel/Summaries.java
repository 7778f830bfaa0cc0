package dk.clinic.reporting.readmodel;

import dk.clinic.reporting.report.Responder;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The per-episode summaries the reports read (initial modality, each scale's baseline and latest follow-up, the
 * session of first response, the practitioners who delivered a session, and how many episodes and sessions per
 * modality and number the patient has, for counting patients), recomputed from the facts: each for one episode (or
 * patient) whenever a fact it rests on changes, all for every episode after a rebuild. Recomputing rather than adding
 * up keeps them right whatever order the facts arrived in.
 */
final class Summaries {

    private static final String INITIAL_MODALITY = """
            update episode e set initial_modality = coalesce((select c.modality from course c where c.episode_id = e.id
                order by c.position, c.id limit 1), 'no_plan')
            where %s""";
    private static final String SCALES = """
            insert into episode_scale (episode_id, scale, baseline, better_is, mcic, latest)
            select k.episode_id, k.scale, b.value, b.better_is, b.mcic, l.value
            from (select distinct o.episode_id, o.scale from outcome_score o where %s) k
            left join lateral (select o.value, o.better_is, o.mcic from outcome_score o
                where o.episode_id = k.episode_id and o.scale = k.scale and o.timepoint = 'baseline'
                order by o.measured_on, o.measurement_id limit 1) b on true
            left join lateral (select o.value from outcome_score o
                where o.episode_id = k.episode_id and o.scale = k.scale and o.timepoint <> 'baseline'
                order by o.measured_on desc, o.measurement_id desc limit 1) l on true
            on conflict (scale, episode_id) do update set baseline = excluded.baseline, better_is = excluded.better_is,
                mcic = excluded.mcic, latest = excluded.latest""";
    private static final String RESPONSE = """
            insert into episode_response (episode_id, sessions, nrs_baseline, mcic_at, pain50_at)
            select s.episode_id, max(s.n), b.value,
                min(s.n) filter (where s.pain is not null and %s),
                min(s.n) filter (where s.pain is not null and %s)
            from (select episode_id, first_step_pain as pain,
                         row_number() over (partition by episode_id order by delivered_at, id) as n
                  from session where %s) s
            left join (select distinct on (o.episode_id) o.episode_id, o.value, o.mcic from outcome_score o
                       where o.scale = 'nrs_first_step_pain' and o.timepoint = 'baseline' and %s
                       order by o.episode_id, o.measured_on, o.measurement_id) b on b.episode_id = s.episode_id
            group by s.episode_id, b.value, b.mcic
            on conflict (episode_id) do update set sessions = excluded.sessions, nrs_baseline = excluded.nrs_baseline,
                mcic_at = excluded.mcic_at, pain50_at = excluded.pain50_at""".formatted(
            Responder.mcic.condition("b.value", "b.value - s.pain", "b.mcic"),
            Responder.pain50.condition("b.value", "b.value - s.pain", "b.mcic"), "%s", "%s");
    private static final String PATIENT_EPISODES = """
            update episode e set patient_episodes = (select count(*) from episode o where o.patient_id = e.patient_id)
            where %s""";
    private static final String CELL_SESSIONS = """
            update session s set cell_sessions = (select count(*) from session o where o.patient_id = s.patient_id
                and o.modality = s.modality and o.session_number = s.session_number)
            where %s""";
    private static final String FORGET_PRACTITIONERS = "delete from episode_practitioner where %s";
    private static final String PRACTITIONERS = """
            insert into episode_practitioner (episode_id, practitioner_id)
            select distinct s.episode_id, a.practitioner_id from session s join appointment a on a.id = s.appointment_id
            where %s
            on conflict do nothing""";

    private Summaries() {
    }

    /** The episode's initial modality: after the episode or its plan changed. */
    static void initialModality(Connection connection, UUID episode) throws SQLException {
        run(connection, INITIAL_MODALITY.formatted("e.id = ?"), episode);
    }

    /** Each scale's baseline and latest follow-up: after an outcome was recorded. */
    static void scales(Connection connection, UUID episode) throws SQLException {
        run(connection, SCALES.formatted("o.episode_id = ?"), episode);
    }

    /** The session of first response: after a session or an outcome (the NRS baseline) changed. */
    static void response(Connection connection, UUID episode) throws SQLException {
        run(connection, RESPONSE.formatted("episode_id = ?", "o.episode_id = ?"), episode, episode);
    }

    /** Who delivered the episode's sessions: after a session or one of its appointments changed. */
    static void practitioners(Connection connection, UUID episode) throws SQLException {
        run(connection, FORGET_PRACTITIONERS.formatted("episode_id = ?"), episode);
        run(connection, PRACTITIONERS.formatted("s.episode_id = ?"), episode);
    }

    /** How many episodes the patient has: after one of them changed. */
    static void patientEpisodes(Connection connection, UUID patient) throws SQLException {
        run(connection, PATIENT_EPISODES.formatted("e.patient_id = ?"), patient);
    }

    /** How many sessions of each modality and number the patient has: after one of them changed. */
    static void cellSessions(Connection connection, UUID patient) throws SQLException {
        run(connection, CELL_SESSIONS.formatted("s.patient_id = ?"), patient);
    }

    /** Recomputes every episode's summaries (after a rebuild emptied them). */
    static void refreshAll(Connection connection) throws SQLException {
        run(connection, INITIAL_MODALITY.formatted("true"));
        run(connection, SCALES.formatted("true"));
        run(connection, RESPONSE.formatted("true", "true"));
        run(connection, PRACTITIONERS.formatted("true"));
        run(connection, PATIENT_EPISODES.formatted("true"));
        run(connection, CELL_SESSIONS.formatted("true"));
    }

    private static void run(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
