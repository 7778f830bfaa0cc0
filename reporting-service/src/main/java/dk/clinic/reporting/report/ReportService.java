package dk.clinic.reporting.report;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.reporting.report.Figures.Count;
import dk.clinic.reporting.report.Figures.Mean;
import dk.clinic.reporting.report.Figures.Rate;
import dk.clinic.reporting.statistics.KaplanMeier;
import dk.clinic.reporting.statistics.MeanEstimate;
import dk.clinic.reporting.statistics.Proportion;
import dk.clinic.reporting.statistics.SuppressedTable;
import dk.clinic.reporting.statistics.Suppression;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Computes the clinic lead's reports from the read model, and suppresses what rests on too few patients. Episode
 * reports take the episodes opened in the period as their cohort and group them by the modality of the plan's first
 * course (what the patient started with; {@code no_plan} for episodes without a plan), so the rows split the total
 * and a switch from dry needling to shockwave stays with dry needling (intention to treat).
 */
@ApplicationScoped
public class ReportService {

    static final String NO_PLAN = "no_plan";
    static final String NRS_FIRST_STEP_PAIN = "nrs_first_step_pain";

    private final DataSource dataSource;
    private final long threshold;
    private final ZoneId zone;

    ReportService(DataSource dataSource, @ConfigProperty(name = "clinic.reports.minimum-patients") long threshold,
                  @ConfigProperty(name = "clinic.reports.time-zone") ZoneId zone) {
        if (threshold < 1) {
            throw new IllegalArgumentException("clinic.reports.minimum-patients must be at least 1");
        }
        this.dataSource = dataSource;
        this.threshold = threshold;
        this.zone = zone;
    }

    public long threshold() {
        return threshold;
    }

    // ------------------------------------------------------------------------------------------------------------
    // Episodes started and closed; baseline and latest first-step pain
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.Episodes> episodes(ReportFilter filter, String requestedScale) {
        String scale = requestedScale == null ? NRS_FIRST_STEP_PAIN : requestedScale;
        Sql started = cohort(filter, true).add("""
                , pain as (
                    select c.id, c.patient_id, c.patient_episodes, c.modality, es.baseline, es.latest
                    from cohort c left join episode_scale es on es.episode_id = c.id and es.scale = ?)
                select modality, grouping(modality) = 1,
                    count(*), %s,
                    count(baseline), %s,
                    coalesce(sum(baseline), 0), coalesce(sum(baseline * baseline), 0),
                    count(latest), %s,
                    coalesce(sum(latest), 0), coalesce(sum(latest * latest), 0)
                from pain group by grouping sets ((modality), ())""".formatted(patients("patient_episodes", "true"),
                patients("patient_episodes", "baseline is not null"), patients("patient_episodes", "latest is not null")),
                scale);
        Sql closed = episodesOf(filter, true).add("select modality, grouping(modality) = 1, count(*), "
                        + patients("patient_episodes", "true"))
                .add("from ep where closed_at is not null")
                .addIf(filter.start(zone), "and closed_at >= ?")
                .addIf(filter.end(zone), "and closed_at < ?")
                .add("group by grouping sets ((modality), ())");
        Map<String, long[]> startedBy = new TreeMap<>();
        Map<String, double[]> painBy = new TreeMap<>();
        query(started, row -> {
            String key = key(row);
            startedBy.put(key, new long[]{row.getLong(3), row.getLong(4), 0, 0});
            painBy.put(key, new double[]{row.getLong(5), row.getLong(6), row.getDouble(7), row.getDouble(8),
                    row.getLong(9), row.getLong(10), row.getDouble(11), row.getDouble(12)});
        });
        query(closed, row -> {
            long[] counts = startedBy.computeIfAbsent(key(row), k -> new long[4]);
            counts[2] = row.getLong(3);
            counts[3] = row.getLong(4);
        });
        List<String> keys = groups(startedBy.keySet());
        double[] none = new double[8];
        SuppressedTable startedShown = suppress(keys, k -> startedBy.get(k)[1]);
        SuppressedTable closedShown = suppress(keys, k -> startedBy.get(k)[3]);
        SuppressedTable baselineShown = suppress(keys, k -> (long) painBy.getOrDefault(k, none)[1]);
        SuppressedTable latestShown = suppress(keys, k -> (long) painBy.getOrDefault(k, none)[5]);
        Table<ReportRows.Episodes> table = table(keys, key -> {
            long[] counts = startedBy.getOrDefault(key, new long[4]);
            double[] pain = painBy.getOrDefault(key, none);
            return new ReportRows.Episodes(label(key),
                    shown(startedShown, key, counts[1]) ? Count.of(counts[0], counts[1]) : Count.of(0, 0).suppress(),
                    shown(closedShown, key, counts[3]) ? Count.of(counts[2], counts[3]) : Count.of(0, 0).suppress(),
                    mean(baselineShown, key, pain, 0),
                    mean(latestShown, key, pain, 4));
        });
        return report("episodes", "Episodes opened and closed in the period; first-step pain at baseline and at "
                        + "the latest follow-up of the episodes opened in it (mean, 95 % CI).",
                parameters(filter, "scale", scale), "initial modality", table.rows(), table.total());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Responder rate
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.Responders> responders(ReportFilter filter, Responder definition, String requestedScale) {
        String scale = definition.scale(requestedScale);
        Sql sql = cohort(filter, true).add("""
                , judged as (
                    select c.id, c.patient_id, c.patient_episodes, c.modality, es.baseline, es.mcic,
                        case when es.better_is = 'lower' then es.baseline - es.latest else es.latest - es.baseline end
                            as improvement
                    from cohort c join episode_scale es on es.episode_id = c.id and es.scale = ?
                    where es.baseline is not null and es.latest is not null)
                select modality, grouping(modality) = 1, count(*), %s,
                    count(*) filter (where %s)
                from judged group by grouping sets ((modality), ())""".formatted(patients("patient_episodes", "true"),
                definition.condition("baseline", "improvement", "mcic")), scale);
        Map<String, long[]> by = new TreeMap<>();
        query(sql, row -> by.put(key(row), new long[]{row.getLong(3), row.getLong(4), row.getLong(5)}));
        List<String> keys = groups(by.keySet());
        SuppressedTable shown = suppress(keys, k -> by.get(k)[1]);
        Table<ReportRows.Responders> table = table(keys, key -> {
            long[] counts = by.getOrDefault(key, new long[3]);
            Rate rate = Rate.of(counts[1], Proportion.wilson(counts[2], counts[0]));
            return new ReportRows.Responders(label(key),
                    shown(shown, key, counts[1]) ? rate : rate.suppress());
        });
        return report("responders", "Responders among the episodes opened in the period that have a baseline and a "
                        + "follow-up on the scale: the latest follow-up against the baseline (share, 95 % Wilson interval).",
                parameters(filter, "definition", definition, "scale", scale), "initial modality", table.rows(), table.total());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Sessions until response (Kaplan-Meier)
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.SessionsToResponse> sessionsToResponse(ReportFilter filter, Responder definition) {
        if (definition == Responder.vas60) {
            throw ProblemException.invalid("definition",
                    "vas60 needs a VAS; sessions record first-step pain on the NRS, so use mcic or pain50");
        }
        String respondedAt = definition == Responder.mcic ? "r.mcic_at" : "r.pain50_at";
        String perEpisode = """
                , per_episode as (
                    select c.patient_id, c.patient_episodes, c.modality, r.sessions, %s as responded_at
                    from cohort c join episode_response r on r.episode_id = c.id
                    where r.nrs_baseline is not null)""".formatted(respondedAt);
        Sql sql = cohort(filter, true).add(perEpisode).add("""
                select modality, coalesce(responded_at, sessions) as t, responded_at is not null as responded, count(*)
                from per_episode group by modality, 2, 3 order by modality, 2""");
        Sql patientsSql = cohort(filter, true).add(perEpisode).add("""
                select modality, grouping(modality) = 1, %s
                from per_episode group by grouping sets ((modality), ())""".formatted(
                patients("patient_episodes", "true")));
        Map<String, List<KaplanMeier.GroupedCount>> counts = new TreeMap<>();
        query(sql, row -> {
            boolean responded = row.getBoolean(3);
            add(counts, row.getString(1), row.getInt(2), responded, row.getInt(4));
            add(counts, TOTAL, row.getInt(2), responded, row.getInt(4));
        });
        Map<String, Long> patients = new TreeMap<>();
        query(patientsSql, row -> patients.put(key(row), row.getLong(3)));
        Table<ReportRows.SessionsToResponse> table = table(groups(patients.keySet()), key -> {
            long patientCount = patients.getOrDefault(key, 0L);
            KaplanMeier curve = KaplanMeier.fromCounts(merge(counts.getOrDefault(key, List.of())));
            return patientCount > 0 && patientCount < threshold
                    ? new ReportRows.SessionsToResponse(label(key), null, null, null, null, null, true)
                    : new ReportRows.SessionsToResponse(label(key), patientCount, (long) curve.observations(),
                    (long) curve.events(), curve.median().isPresent() ? curve.median().getAsInt() : null,
                    curve.steps().stream().filter(step -> step.events() > 0)
                            .map(step -> new ReportRows.SurvivalStep(step.time(), step.atRisk(), step.survival()))
                            .toList(), false);
        });
        return report("sessions-to-response", "Sessions until the first session whose first-step pain (NRS) meets the "
                        + "definition against the episode's NRS baseline; episodes without a response so far are censored "
                        + "at their last session (Kaplan-Meier). The median is empty while more than half have not responded.",
                parameters(filter, "definition", definition), "initial modality", table.rows(), table.total());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Pain trajectory by session number
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.PainTrajectory> painTrajectory(ReportFilter filter) {
        // the lone sessions (the patient's only one of that modality and number) are their patients; the few
        // others are counted distinct in a second, small query (one query with count(distinct) sorts every row)
        Sql cells = cohort(filter, false).add("""
                select s.modality, s.session_number, count(*), count(*) filter (where s.cell_sessions = 1),
                    sum(s.first_step_pain), sum(s.first_step_pain * s.first_step_pain)
                from session s join cohort c on c.id = s.episode_id
                where s.first_step_pain is not null""")
                .addIf(filter.modality(), "and s.modality = ?")
                .add("group by s.modality, s.session_number order by s.modality, s.session_number");
        Sql repeats = cohort(filter, false).add("""
                select s.modality, s.session_number, count(distinct s.patient_id)
                from session s join cohort c on c.id = s.episode_id
                where s.first_step_pain is not null and s.cell_sessions > 1""")
                .addIf(filter.modality(), "and s.modality = ?")
                .add("group by s.modality, s.session_number");
        Map<String, Long> repeated = new HashMap<>();
        query(repeats, row -> repeated.put(row.getString(1) + "|" + row.getInt(2), row.getLong(3)));
        List<ReportRows.PainTrajectory> rows = new ArrayList<>();
        query(cells, row -> {
            long patients = row.getLong(4) + repeated.getOrDefault(row.getString(1) + "|" + row.getInt(2), 0L);
            Mean mean = Mean.of(patients, MeanEstimate.of(row.getLong(3), row.getDouble(5), row.getDouble(6)));
            rows.add(new ReportRows.PainTrajectory(row.getString(1), row.getInt(2),
                    patients < threshold ? mean.suppress() : mean));
        });
        return report("pain-trajectory", "First-step pain (NRS 0-10) recorded at each session, by the session's "
                        + "number in its course and its modality, for the episodes opened in the period (mean, 95 % CI).",
                parameters(filter), "modality and session number", rows, null);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Decisions at the review point
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.ReviewDecisions> reviewDecisions(ReportFilter filter, int sessionsFrom, int sessionsTo) {
        if (sessionsTo < sessionsFrom) {
            throw ProblemException.invalid("sessionsTo", "is below sessionsFrom (" + sessionsFrom + ")");
        }
        String modality = filter.modality() == null ? "dry_needling" : filter.modality();
        Sql sql = cohort(filter, false).add("""
                select r.decision, grouping(r.decision) = 1, count(*), count(distinct r.patient_id)
                from review_decision r join cohort c on c.id = r.episode_id
                where r.modality = ? and r.sessions_delivered between ? and ?
                group by grouping sets ((r.decision), ())""", modality, sessionsFrom, sessionsTo);
        Map<String, long[]> by = new TreeMap<>();
        query(sql, row -> by.put(key(row), new long[]{row.getLong(3), row.getLong(4)}));
        long all = by.getOrDefault(TOTAL, new long[2])[0];
        List<String> keys = List.of("continue", "switch", "discharge", "refer");
        SuppressedTable shown = suppress(keys, k -> by.getOrDefault(k, new long[2])[1]);
        Table<ReportRows.ReviewDecisions> table = table(keys, key -> {
            long[] counts = by.getOrDefault(key, new long[2]);
            Rate rate = Rate.of(counts[1], Proportion.wilson(counts[0], all));
            return new ReportRows.ReviewDecisions(label(key),
                    shown(shown, key, counts[1]) ? rate : rate.suppress());
        });
        Map<String, Object> parameters = parameters(filter, "sessionsFrom", sessionsFrom, "sessionsTo", sessionsTo);
        parameters.put("modality", modality);
        return report("review-decisions", "What was decided at the review point of " + modality + " courses after "
                        + sessionsFrom + "-" + sessionsTo + " sessions, in the episodes opened in the period "
                        + "(count, share of all such decisions, 95 % Wilson interval).",
                parameters, "decision", table.rows(), table.total());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Adherence, no-shows, late cancellations
    // ------------------------------------------------------------------------------------------------------------

    public Report<ReportRows.Attendance> attendance(ReportFilter filter) {
        // per patient and modality first (hash aggregation), then per modality; the total's patients are counted
        // once however many modalities they had
        Sql sql = new Sql().add("""
                with per_patient as (
                select a.modality, a.patient_id, count(*) as planned,
                    count(*) filter (where a.status in ('fulfilled', 'arrived')) as attended,
                    count(*) filter (where a.status = 'noshow') as no_shows,
                    count(*) filter (where a.status = 'cancelled') as late
                from appointment a
                where (a.status in ('fulfilled', 'arrived', 'noshow')
                       or (a.status = 'cancelled' and a.late and a.cancelled_by = 'patient'))""")
                .addIf(filter.start(zone), "and a.starts_at >= ?")
                .addIf(filter.end(zone), "and a.starts_at < ?")
                .addIf(filter.modality(), "and a.modality = ?")
                .addIf(filter.practitioner(), "and a.practitioner_id = ?")
                .addIf(filter.condition(), """
                        and exists (select 1 from course c join episode e on e.id = c.episode_id
                                    where c.id = a.course_id and e.condition = ?)""")
                .add("""
                group by a.modality, a.patient_id)
                select modality, false, sum(planned), count(*), sum(attended), sum(no_shows), sum(late)
                from per_patient group by modality
                union all
                select null, true, sum(planned), count(distinct patient_id), sum(attended), sum(no_shows), sum(late)
                from per_patient""");
        Map<String, long[]> by = new TreeMap<>();
        query(sql, row -> by.put(key(row), new long[]{row.getLong(3), row.getLong(4), row.getLong(5),
                row.getLong(6), row.getLong(7)}));
        List<String> keys = groups(by.keySet());
        SuppressedTable shown = suppress(keys, k -> by.get(k)[1]);
        Table<ReportRows.Attendance> table = table(keys, key -> {
            long[] c = by.getOrDefault(key, new long[5]);
            boolean visible = shown(shown, key, c[1]);
            Count planned = Count.of(c[0], c[1]);
            Rate attended = Rate.of(c[1], Proportion.wilson(c[2], c[0]));
            Rate noShows = Rate.of(c[1], Proportion.wilson(c[3], c[0]));
            Rate late = Rate.of(c[1], Proportion.wilson(c[4], c[0]));
            return visible ? new ReportRows.Attendance(label(key), planned, attended, noShows, late)
                    : new ReportRows.Attendance(label(key), planned.suppress(), attended.suppress(), noShows.suppress(),
                    late.suppress());
        });
        return report("attendance", "Appointments due in the period that the patient was expected at: attended "
                        + "(fulfilled or checked in; adherence), no-shows, and cancellations by the patient inside the "
                        + "clinic's notice (shares of those planned, 95 % Wilson intervals).",
                parameters(filter), "modality", table.rows(), table.total());
    }

    // ------------------------------------------------------------------------------------------------------------
    // Shared parts
    // ------------------------------------------------------------------------------------------------------------

    private static final String TOTAL = "\u0000total";

    /**
     * {@code ep}: the episodes the filters select apart from the period, with their initial modality; {@code cohort}:
     * those opened in the period. With {@code byInitialModality} false the modality filter is left to the report
     * (it filters sessions or decisions by their own modality).
     */
    private Sql episodesOf(ReportFilter filter, boolean byInitialModality) {
        return new Sql().add("""
                with ep as (
                    select e.id, e.patient_id, e.patient_episodes, e.opened_at, e.closed_at,
                        e.initial_modality as modality
                    from episode e where true""")
                .addIf(filter.condition(), "and e.condition = ?")
                .addIf(filter.practitioner(), """
                        and exists (select 1 from episode_practitioner p
                                    where p.episode_id = e.id and p.practitioner_id = ?)""")
                .addIf(byInitialModality ? filter.modality() : null, "and e.initial_modality = ?")
                .add(")");
    }

    private Sql cohort(ReportFilter filter, boolean byInitialModality) {
        return episodesOf(filter, byInitialModality)
                .add(", cohort as (select * from ep where true")
                .addIf(filter.start(zone), "and opened_at >= ?")
                .addIf(filter.end(zone), "and opened_at < ?")
                .add(")");
    }

    /**
     * How many distinct patients the rows {@code where} holds, counted fast and exactly: a row whose patient has no
     * other row in its group ({@code lone} = 1: one episode, or one session of that modality and number) is one
     * patient of its own; only the others are counted distinct.
     */
    private static String patients(String lone, String where) {
        return "(count(*) filter (where (%s) and %s = 1) + count(distinct patient_id) filter (where (%s) and %s > 1))"
                .formatted(where, lone, where, lone);
    }

    private SuppressedTable suppress(List<String> keys, ToLongFunction<String> patients) {
        return Suppression.apply(threshold, keys.stream()
                .map(key -> Suppression.Cell.of(key, patients.applyAsLong(key))).toList());
    }

    /** Whether a cell (or, for the total key, the total) may be shown; a total of few patients never is. */
    private boolean shown(SuppressedTable table, String key, long patients) {
        if (key.equals(TOTAL)) {
            return !table.totalSuppressed() && (patients == 0 || patients >= threshold);
        }
        return !table.isSuppressed(key);
    }

    private Mean mean(SuppressedTable table, String key, double[] values, int offset) {
        long n = (long) values[offset];
        long patients = (long) values[offset + 1];
        Mean mean = Mean.of(patients, MeanEstimate.of(n, values[offset + 2], values[offset + 3]));
        return shown(table, key, patients) ? mean : mean.suppress();
    }

    private static void add(Map<String, List<KaplanMeier.GroupedCount>> counts, String key, int time,
                            boolean responded, int n) {
        counts.computeIfAbsent(key, k -> new ArrayList<>())
                .add(new KaplanMeier.GroupedCount(time, responded ? n : 0, responded ? 0 : n));
    }

    /** Adds up the counts of equal times (the total's come from several groups). */
    private static List<KaplanMeier.GroupedCount> merge(List<KaplanMeier.GroupedCount> counts) {
        Map<Integer, int[]> byTime = new TreeMap<>();
        counts.forEach(count -> {
            int[] sums = byTime.computeIfAbsent(count.time(), t -> new int[2]);
            sums[0] += count.events();
            sums[1] += count.censored();
        });
        return byTime.entrySet().stream()
                .map(entry -> new KaplanMeier.GroupedCount(entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    private static String key(ResultSet row) throws SQLException {
        return row.getBoolean(2) ? TOTAL : row.getString(1);
    }

    private static List<String> groups(Collection<String> keys) {
        return keys.stream().filter(key -> !key.equals(TOTAL)).sorted().toList();
    }

    /** The rows of a report, one per key in order, and its total. */
    private record Table<R>(List<R> rows, R total) {
    }

    private static <R> Table<R> table(List<String> keys, Function<String, R> row) {
        return new Table<>(keys.stream().map(row).toList(), row.apply(TOTAL));
    }

    private static String label(String key) {
        return key.equals(TOTAL) ? null : key;
    }

    private Map<String, Object> parameters(ReportFilter filter, Object... more) {
        Map<String, Object> parameters = new LinkedHashMap<>(filter.described());
        for (int i = 0; i < more.length; i += 2) {
            parameters.put((String) more[i], more[i + 1]);
        }
        return parameters;
    }

    private <R> Report<R> report(String name, String description, Map<String, Object> parameters, String groupedBy,
                                 List<R> rows, R total) {
        return new Report<>(name, description, parameters, threshold, groupedBy, rows, total);
    }

    private void query(Sql sql, RowReader reader) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = sql.prepare(connection);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Report query failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet row) throws SQLException;
    }
}
