package dk.clinic.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.clinic.demo.DemoRecord;
import org.apache.commons.math3.distribution.TDistribution;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Every report worked out from the demo generator's record alone, by the definitions of docs/reporting.md: the
 * cohort, the grouping by initial modality, the statistics (t-intervals, Wilson intervals, Kaplan-Meier) and the
 * suppression rule, each written out again here rather than taken from the service's code.
 */
final class Expected {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double Z = 1.959963984540054;
    private static final String NO_PLAN = "no_plan";

    private final DemoRecord record;
    private final long k;

    Expected(DemoRecord record, long k) {
        this.record = record;
        this.k = k;
    }

    /** A report as canonical lines: one per row, then the total. */
    record Table(List<String> lines) {
    }

    // ------------------------------------------------------------------------------------------------------------

    Table episodes(String condition) {
        List<DemoRecord.Episode> cohort = cohort(condition);
        Map<String, List<DemoRecord.Episode>> started = byModality(cohort);
        Map<String, List<DemoRecord.Episode>> closed = byModality(cohort(condition, false).stream()
                .filter(e -> e.closedAt() != null && DemoCohortSystemTest.within(e.closedAt(), record)).toList());
        Set<String> keys = new TreeSet<>(started.keySet());
        keys.addAll(closed.keySet());
        Function<DemoRecord.Episode, Double> baseline = e -> baseline(e) == null ? null : (double) baseline(e).value();
        Function<DemoRecord.Episode, Double> latest = e -> latest(e) == null ? null : (double) latest(e).value();
        Cells startedCells = cells(keys, key -> patients(started.getOrDefault(key, List.of()), e -> true),
                patients(cohort, e -> true));
        Cells closedCells = cells(keys, key -> patients(closed.getOrDefault(key, List.of()), e -> true),
                patients(closed.values().stream().flatMap(List::stream).toList(), e -> true));
        Cells baselineCells = cells(keys, key -> patients(started.getOrDefault(key, List.of()), e -> baseline.apply(e) != null),
                patients(cohort, e -> baseline.apply(e) != null));
        Cells latestCells = cells(keys, key -> patients(started.getOrDefault(key, List.of()), e -> latest.apply(e) != null),
                patients(cohort, e -> latest.apply(e) != null));
        List<String> lines = new ArrayList<>();
        for (String key : withTotal(keys)) {
            List<DemoRecord.Episode> s = key == null ? cohort : started.getOrDefault(key, List.of());
            List<DemoRecord.Episode> c = key == null ? closed.values().stream().flatMap(List::stream).toList()
                    : closed.getOrDefault(key, List.of());
            ObjectNode row = NODES.objectNode();
            row.put("modality", key);
            row.set("started", count(startedCells.shown(key), s.size(), patients(s, e -> true)));
            row.set("closed", count(closedCells.shown(key), c.size(), patients(c, e -> true)));
            row.set("baselinePain", mean(baselineCells.shown(key), s, baseline));
            row.set("latestPain", mean(latestCells.shown(key), s, latest));
            lines.add((key == null ? "total " : "") + describe(row));
        }
        return new Table(lines);
    }

    Table responders(String condition, boolean mcic) {
        List<DemoRecord.Episode> assessed = cohort(condition).stream()
                .filter(e -> baseline(e) != null && latest(e) != null).toList();
        Map<String, List<DemoRecord.Episode>> by = byModality(assessed);
        Predicate<DemoRecord.Episode> responded = e -> responds(baseline(e).value(), latest(e).value(), mcic);
        Cells cells = cells(by.keySet(), key -> patients(by.get(key), e -> true), patients(assessed, e -> true));
        List<String> lines = new ArrayList<>();
        for (String key : withTotal(by.keySet())) {
            List<DemoRecord.Episode> group = key == null ? assessed : by.get(key);
            ObjectNode row = NODES.objectNode();
            row.put("modality", key);
            row.set("responders", rate(cells.shown(key), group.stream().filter(responded).count(), group.size(),
                    patients(group, e -> true)));
            lines.add((key == null ? "total " : "") + describe(row));
        }
        return new Table(lines);
    }

    Table sessionsToResponse(String condition, boolean mcic) {
        List<DemoRecord.Episode> observed = cohort(condition).stream()
                .filter(e -> baseline(e) != null && !e.sessions().isEmpty()).toList();
        Map<String, List<DemoRecord.Episode>> by = byModality(observed);
        List<String> lines = new ArrayList<>();
        for (String key : withTotal(by.keySet())) {
            List<DemoRecord.Episode> group = key == null ? observed : by.get(key);
            long patients = patients(group, e -> true);
            ObjectNode row = NODES.objectNode();
            row.put("modality", key);
            if (patients > 0 && patients < k) {
                row.putNull("patients");
                row.putNull("episodes");
                row.putNull("responded");
                row.putNull("medianSessions");
                row.putNull("curve");
                row.put("suppressed", true);
            } else {
                TreeMap<Integer, int[]> byTime = new TreeMap<>();
                for (DemoRecord.Episode episode : group) {
                    List<DemoRecord.Session> sessions = episode.sessions().stream()
                            .sorted(Comparator.comparing(DemoRecord.Session::deliveredAt)).toList();
                    int at = 0;
                    for (int n = 1; n <= sessions.size() && at == 0; n++) {
                        if (responds(baseline(episode).value(), sessions.get(n - 1).pain(), mcic)) {
                            at = n;
                        }
                    }
                    int[] counts = byTime.computeIfAbsent(at > 0 ? at : sessions.size(), t -> new int[2]);
                    counts[at > 0 ? 0 : 1]++;
                }
                int atRisk = group.size();
                double survival = 1;
                Integer median = null;
                ArrayNode curve = NODES.arrayNode();
                int events = 0;
                for (Map.Entry<Integer, int[]> time : byTime.entrySet()) {
                    int died = time.getValue()[0];
                    if (died > 0) {
                        survival *= 1 - (double) died / atRisk;
                        events += died;
                        ObjectNode step = curve.addObject();
                        step.put("sessions", time.getKey());
                        step.put("atRisk", atRisk);
                        step.put("notYetResponded", survival);
                        if (median == null && survival <= 0.5 + 1e-12) {
                            median = time.getKey();
                        }
                    }
                    atRisk -= died + time.getValue()[1];
                }
                row.put("patients", patients);
                row.put("episodes", group.size());
                row.put("responded", events);
                if (median == null) {
                    row.putNull("medianSessions");
                } else {
                    row.put("medianSessions", median);
                }
                row.set("curve", curve);
                row.put("suppressed", false);
            }
            lines.add((key == null ? "total " : "") + describe(row));
        }
        return new Table(lines);
    }

    Table painTrajectory(String condition) {
        // a cell: a modality and a session number in the course; its pains and its patients
        Map<String, List<Double>> cells = new TreeMap<>();
        Map<String, Set<UUID>> patientsOf = new HashMap<>();
        for (DemoRecord.Episode episode : cohort(condition)) {
            for (DemoRecord.Session session : episode.sessions()) {
                String cell = session.modality() + "|" + "%03d".formatted(session.numberInCourse());
                cells.computeIfAbsent(cell, c -> new ArrayList<>()).add((double) session.pain());
                patientsOf.computeIfAbsent(cell, c -> new HashSet<>()).add(episode.patientId());
            }
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<Double>> cell : cells.entrySet()) {
            String[] parts = cell.getKey().split("\\|");
            long patients = patientsOf.get(cell.getKey()).size();
            ObjectNode row = NODES.objectNode();
            row.put("modality", parts[0]);
            row.put("sessionNumber", Integer.parseInt(parts[1]));
            row.set("firstStepPain", meanOf(patients >= k, patients, cell.getValue()));
            lines.add(describe(row));
        }
        return new Table(lines);
    }

    Table reviewDecisions(String condition) {
        List<DemoRecord.Episode> cohort = cohort(condition);
        Map<String, Set<UUID>> patients = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> keys = List.of("continue", "switch", "discharge", "refer");
        keys.forEach(key -> {
            patients.put(key, new HashSet<>());
            counts.put(key, 0L);
        });
        Set<UUID> everyone = new HashSet<>();
        long all = 0;
        for (DemoRecord.Episode episode : cohort) {
            for (DemoRecord.Decision decision : episode.decisions()) {
                if (decision.modality().equals("dry_needling") && decision.sessionsDelivered() >= 3
                        && decision.sessionsDelivered() <= 5) {
                    patients.get(decision.decision()).add(episode.patientId());
                    counts.merge(decision.decision(), 1L, Long::sum);
                    everyone.add(episode.patientId());
                    all++;
                }
            }
        }
        Cells cells = cells(keys, key -> patients.get(key).size(), everyone.size());
        List<String> lines = new ArrayList<>();
        for (String key : withTotal(keys)) {
            ObjectNode row = NODES.objectNode();
            row.put("decision", key);
            row.set("decisions", rate(cells.shown(key), key == null ? all : counts.get(key), all,
                    key == null ? everyone.size() : patients.get(key).size()));
            lines.add((key == null ? "total " : "") + describe(row));
        }
        return new Table(lines);
    }

    Table attendance(String condition) {
        Map<UUID, DemoRecord.Episode> episodeOf = new HashMap<>();
        record.episodes().forEach(e -> episodeOf.put(e.patientId(), e));
        List<DemoRecord.Appointment> expected = record.appointments().stream()
                .filter(a -> DemoCohortSystemTest.within(a.start(), record))
                .filter(a -> a.status().equals("fulfilled") || a.status().equals("noshow")
                        || (a.status().equals("cancelled") && a.late() && a.cancelledByPatient()))
                .filter(a -> condition == null || condition.equals(episodeOf.get(a.patientId()).condition()))
                .toList();
        Map<String, List<DemoRecord.Appointment>> by = new TreeMap<>();
        expected.forEach(a -> by.computeIfAbsent(a.modality(), m -> new ArrayList<>()).add(a));
        Function<List<DemoRecord.Appointment>, Long> patients = list ->
                (long) list.stream().map(DemoRecord.Appointment::patientId).distinct().count();
        Cells cells = cells(by.keySet(), key -> patients.apply(by.get(key)), patients.apply(expected));
        List<String> lines = new ArrayList<>();
        for (String key : withTotal(by.keySet())) {
            List<DemoRecord.Appointment> group = key == null ? expected : by.get(key);
            boolean shown = cells.shown(key);
            long n = group.size();
            long p = patients.apply(group);
            ObjectNode row = NODES.objectNode();
            row.put("modality", key);
            row.set("planned", count(shown, n, p));
            row.set("attended", rate(shown, group.stream().filter(a -> a.status().equals("fulfilled")).count(), n, p));
            row.set("noShows", rate(shown, group.stream().filter(a -> a.status().equals("noshow")).count(), n, p));
            row.set("lateCancellations", rate(shown, group.stream().filter(a -> a.status().equals("cancelled")).count(), n, p));
            lines.add((key == null ? "total " : "") + describe(row));
        }
        return new Table(lines);
    }

    // ------------------------------------------------------------------------------------------------------------
    // The definitions
    // ------------------------------------------------------------------------------------------------------------

    private List<DemoRecord.Episode> cohort(String condition) {
        return cohort(condition, true);
    }

    /** The episodes of the condition, opened in the period (or, for closings, any). */
    private List<DemoRecord.Episode> cohort(String condition, boolean openedInPeriod) {
        return record.episodes().stream()
                .filter(e -> condition == null || condition.equals(e.condition()))
                .filter(e -> !openedInPeriod || DemoCohortSystemTest.within(e.openedAt(), record)).toList();
    }

    private static Map<String, List<DemoRecord.Episode>> byModality(List<DemoRecord.Episode> episodes) {
        Map<String, List<DemoRecord.Episode>> by = new TreeMap<>();
        episodes.forEach(e -> by.computeIfAbsent(e.initialModality() == null ? NO_PLAN : e.initialModality(),
                m -> new ArrayList<>()).add(e));
        return by;
    }

    private static DemoRecord.Measure baseline(DemoRecord.Episode episode) {
        return episode.measures().stream().filter(m -> m.timepoint().equals("baseline")).findFirst().orElse(null);
    }

    /** The latest follow-up: the last measured day; on one day, the greatest measurement id. */
    private static DemoRecord.Measure latest(DemoRecord.Episode episode) {
        return episode.measures().stream().filter(m -> !m.timepoint().equals("baseline"))
                .max(Comparator.comparing(DemoRecord.Measure::measuredOn)
                        .thenComparing(DemoRecord.Measure::measurementId)).orElse(null);
    }

    /** NRS first-step pain: mcic is 2 points better; pain50 at least half the baseline's pain gone. */
    private static boolean responds(int baseline, int pain, boolean mcic) {
        return mcic ? baseline - pain >= 2 : baseline > 0 && (baseline - pain) * 100 >= baseline * 50;
    }

    private static long patients(List<DemoRecord.Episode> episodes, Predicate<DemoRecord.Episode> which) {
        return episodes.stream().filter(which).map(DemoRecord.Episode::patientId).distinct().count();
    }

    private static <T> List<T> withTotal(Collection<T> keys) {
        List<T> all = new ArrayList<>(keys);
        all.add(null);
        return all;
    }

    // --- suppression, as docs/reporting.md states it ----------------------------------------------------------------

    /** Which cells of one figure, and whether its total, may be shown. */
    private record Cells(Set<String> hidden, boolean totalShown) {
        boolean shown(String key) {
            return key == null ? totalShown : !hidden.contains(key);
        }
    }

    private Cells cells(Collection<String> keys, ToLongFunction<String> patients,
                        long totalPatients) {
        Map<String, Long> counts = new LinkedHashMap<>();
        keys.forEach(key -> counts.put(key, patients.applyAsLong(key)));
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        Set<String> hidden = new HashSet<>();
        boolean totalHidden = false;
        if (total > 0 && total < k) {
            hidden.addAll(keys);
            totalHidden = true;
        } else if (total > 0) {
            counts.forEach((key, count) -> {
                if (count >= 1 && count < k) {
                    hidden.add(key);
                }
            });
            if (hidden.size() == 1) {
                counts.entrySet().stream().filter(e -> !hidden.contains(e.getKey()) && e.getValue() > 0)
                        .min(Map.Entry.comparingByValue()).ifPresent(e -> hidden.add(e.getKey()));
            }
            long shownSum = counts.entrySet().stream().filter(e -> !hidden.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            totalHidden = !hidden.isEmpty() && total - shownSum == hidden.size();
        }
        return new Cells(hidden, !totalHidden && (totalPatients == 0 || totalPatients >= k));
    }

    // --- the figures, as the API writes them ------------------------------------------------------------------------

    private static ObjectNode count(boolean shown, long value, long patients) {
        ObjectNode figure = NODES.objectNode();
        if (shown) {
            figure.put("value", value);
            figure.put("patients", patients);
        } else {
            figure.putNull("value");
            figure.putNull("patients");
        }
        figure.put("suppressed", !shown);
        return figure;
    }

    private static ObjectNode mean(boolean shown, List<DemoRecord.Episode> episodes,
                                   Function<DemoRecord.Episode, Double> value) {
        List<DemoRecord.Episode> measured = episodes.stream().filter(e -> value.apply(e) != null).toList();
        return meanOf(shown, patients(measured, e -> true), measured.stream().map(value).toList());
    }

    private static ObjectNode meanOf(boolean shown, long patients, List<Double> values) {
        ObjectNode figure = NODES.objectNode();
        if (!shown) {
            for (String field : List.of("patients", "n", "mean", "standardDeviation", "lower", "upper")) {
                figure.putNull(field);
            }
            figure.put("suppressed", true);
            return figure;
        }
        int n = values.size();
        figure.put("patients", patients);
        figure.put("n", n);
        Double mean = n == 0 ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        Double sd = null;
        Double lower = null;
        Double upper = null;
        if (n >= 2) {
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            sd = Math.sqrt(squares / (n - 1));
            double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
            lower = mean - half;
            upper = mean + half;
        }
        putDouble(figure, "mean", mean);
        putDouble(figure, "standardDeviation", sd);
        putDouble(figure, "lower", lower);
        putDouble(figure, "upper", upper);
        figure.put("suppressed", false);
        return figure;
    }

    private static ObjectNode rate(boolean shown, long count, long of, long patients) {
        ObjectNode figure = NODES.objectNode();
        if (!shown) {
            for (String field : List.of("count", "of", "patients", "share", "lower", "upper")) {
                figure.putNull(field);
            }
            figure.put("suppressed", true);
            return figure;
        }
        figure.put("count", count);
        figure.put("of", of);
        figure.put("patients", patients);
        if (of == 0) {
            figure.putNull("share");
            figure.putNull("lower");
            figure.putNull("upper");
        } else {
            double p = (double) count / of;
            double z2 = Z * Z;
            double centre = (p + z2 / (2 * of)) / (1 + z2 / of);
            double half = Z * Math.sqrt(p * (1 - p) / of + z2 / (4.0 * of * of)) / (1 + z2 / of);
            figure.put("share", p);
            figure.put("lower", Math.max(0, centre - half));
            figure.put("upper", Math.min(1, centre + half));
        }
        figure.put("suppressed", false);
        return figure;
    }

    private static void putDouble(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** A row as one line: its fields in order, numbers to six decimals, a suppressed figure as such. */
    static String describe(JsonNode row) {
        StringBuilder line = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            line.append(field.getKey()).append('=');
            JsonNode value = field.getValue();
            if (value.isObject() && value.path("suppressed").asBoolean(false)) {
                line.append("suppressed");
            } else if (value.isObject()) {
                line.append('{').append(describe(value)).append('}');
            } else if (value.isArray()) {
                line.append('[');
                value.forEach(item -> line.append('{').append(describe(item)).append('}'));
                line.append(']');
            } else {
                line.append(scalar(value));
            }
            line.append(' ');
        }
        return line.toString().trim();
    }

    private static String scalar(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            return Math.abs(number) < 5e-7 ? "0.000000" : "%.6f".formatted(number);
        }
        return value.asText();
    }

}
