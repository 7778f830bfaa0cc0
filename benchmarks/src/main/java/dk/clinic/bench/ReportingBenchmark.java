package dk.clinic.bench;

import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static dk.clinic.bench.Bench.say;
import static dk.clinic.bench.Bench.seconds;
import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * {@code ./clinic bench reporting}: measures the built reporting-service on a large clinic, and prints the figures.
 *
 * <ol>
 *   <li>drops and creates the database {@code clinic_bench_reporting}, starts a Kafka broker and reporting-service
 *       on free ports;</li>
 *   <li>writes a synthetic clinic's events ({@link SyntheticCohort}: by default 50,000 episodes with about 300,000
 *       sessions and 200,000 outcome measures) into the service's event log by COPY, then has the service rebuild its
 *       read model from them (POST /api/read-model/rebuild): the replay rate;</li>
 *   <li>sends a further {@value #LIVE_EPISODES} episodes' events through Kafka and times the intake until every one
 *       is applied: the live catch-up rate;</li>
 *   <li>times every report without filters and with all four, N requests each after a warm-up; then memory.</li>
 * </ol>
 * Target (from the issue): every report, with and without filters, p95 under 300 ms.
 */
public final class ReportingBenchmark {

    static final double P95_TARGET_MS = 300;
    static final int LIVE_EPISODES = 200;
    private static final int WARM_UP = 5;
    private static final long SEED = 7;
    private static final List<String> REPORTS = List.of("episodes", "responders?definition=pain50",
            "responders?definition=mcic", "sessions-to-response?definition=pain50", "pain-trajectory",
            "review-decisions", "attendance");

    private final Settings settings;
    private final BenchDatabase database;

    private ReportingBenchmark(Settings settings) {
        this.settings = settings;
        this.database = new BenchDatabase(settings);
    }

    public static void main(String[] args) {
        Bench.main(args, Settings::reporting, settings -> new ReportingBenchmark(settings).run());
    }

    private int run() throws Exception {
        // every request works its report out: the service keeps no answers (ReportCache) in this benchmark
        Bench.Staged<Figures> staged = Bench.staged(settings, database, "reporting-service",
                Map.of("CLINIC_REPORTS_CACHE_SIZE", "0"), this::measure);
        Figures figures = staged.figures();
        StringBuilder text = new StringBuilder();
        text.append("reporting-service on ").append(staged.machine()).append('\n');
        text.append("measured ").append(Bench.date(staged.startedAt())).append('\n');
        text.append("read model: %,d episodes, %,d sessions, %,d outcome scores, %,d appointments from %,d events%n"
                .formatted(figures.sizes().get("episode"), figures.sizes().get("session"),
                        figures.sizes().get("outcome_score"), figures.sizes().get("appointment"), figures.events()));
        text.append("rebuild (replay of the event log): %,d events in %s: %,d events/s%n".formatted(figures.events(),
                seconds(figures.rebuild()), Math.round(figures.events() / (figures.rebuild().toMillis() / 1000.0))));
        text.append("live intake through Kafka: %,d events in %s: %,d events/s%n".formatted(figures.liveEvents(),
                seconds(figures.live()), Math.round(figures.liveEvents() / (figures.live().toMillis() / 1000.0))));
        text.append("%nreport latency, %d requests each one at a time after %d to warm up (ms):%n"
                .formatted(settings.requests(), WARM_UP));
        text.append("%-44s %-9s %8s %8s %8s %8s%n".formatted("report", "filters", "p50", "p95", "p99", "max"));
        boolean missed = false;
        for (Timed timed : figures.timed()) {
            Latency l = timed.latency();
            missed |= l.p95() >= P95_TARGET_MS;
            text.append("%-44s %-9s %8.1f %8.1f %8.1f %8.1f%s%n".formatted(timed.report(), timed.filtered() ? "all four" : "none",
                    l.p50(), l.p95(), l.p99(), l.max(), l.p95() >= P95_TARGET_MS ? "  MISSED" : ""));
        }
        text.append("%ntarget: every report p95 under %.0f ms: %s%n".formatted(P95_TARGET_MS, missed ? "MISSED" : "met"));
        Memory memory = figures.memory();
        text.append("memory after the runs: RSS %.0f MiB (peak %.0f MiB), heap %.0f MiB used of %.0f MiB committed%n"
                .formatted(memory.rssKib() / 1024.0, memory.peakRssKib() / 1024.0, memory.heapUsedMib(),
                        memory.heapCommittedMib()));
        text.append("start-up and memory: reporting-service %s%n".formatted(memory.summary()));
        Bench.publish(staged.work(), text.toString());
        return 0;
    }

    private Figures measure(ServiceProcess service, LocalKafkaBroker broker) throws Exception {
        Api api = new Api(service);
        String admin = api.token("admin", "admin");
        String analyst = api.token("anders", "anders");
        SyntheticCohort cohort = new SyntheticCohort(SEED);

        long copying = System.nanoTime();
        long events = copy(database, cohort, settings.episodes());
        say("%,d events of %,d episodes written into the event log by COPY in %s".formatted(events, settings.episodes(),
                seconds(Duration.ofNanos(System.nanoTime() - copying))));

        long rebuilding = System.nanoTime();
        api.postLong("/api/read-model/rebuild", admin, Duration.ofMinutes(30)).expect(200);
        Duration rebuild = Duration.ofNanos(System.nanoTime() - rebuilding);
        Map<String, Long> sizes = sizes();
        say("read model rebuilt in " + seconds(rebuild) + ": " + sizes);

        long[] live = live(cohort, broker.bootstrapServers(), events);
        say("%,d events through Kafka applied in %s".formatted(live[0], seconds(Duration.ofNanos(live[1]))));

        String filters = "from=2025-07-01&to=2026-06-30&condition=plantar_heel_pain&modality=dry_needling&practitioner="
                + cohort.practitioners().getFirst();
        List<Timed> timed = new ArrayList<>();
        for (String report : REPORTS) {
            for (boolean filtered : new boolean[]{false, true}) {
                String path = "/api/reports/" + report + (report.contains("?") ? "&" : "?") + (filtered ? filters : "");
                for (int i = 0; i < WARM_UP; i++) {
                    api.get(path, analyst).expect(200);
                }
                Histogram histogram = Latency.histogram();
                for (int i = 0; i < settings.requests(); i++) {
                    long start = System.nanoTime();
                    api.get(path, analyst).expect(200);
                    Latency.record(histogram, System.nanoTime() - start);
                }
                Latency latency = Latency.of(histogram);
                say("%s (%s): p95 %.1f ms".formatted(report, filtered ? "filtered" : "no filter", latency.p95()));
                timed.add(new Timed(report, filtered, latency));
            }
        }
        return new Figures(events, sizes, rebuild, live[0], Duration.ofNanos(live[1]), timed, Memory.of(service, api));
    }

    /** Writes the cohort's events into reporting.event_log as the intake would have kept them. */
    static long copy(BenchDatabase database, SyntheticCohort cohort, int episodes) throws SQLException {
        long[] count = {0};
        try (Connection connection = database.superuser()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy reporting.event_log (event_id, type, subject, occurred_at, received_at, data) from stdin");
            StringBuilder buffer = new StringBuilder();
            Instant received = Instant.now();
            cohort.generate(episodes, event -> {
                buffer.append(event.id()).append('\t').append(event.type().type()).append('\t').append(event.subject())
                        .append('\t').append(event.time()).append('\t').append(received).append('\t')
                        .append(event.data().replace("\\", "\\\\")).append('\n');
                count[0]++;
                if (buffer.length() > 1 << 20) {
                    write(copy, buffer);
                }
            });
            write(copy, buffer);
            copy.endCopy();
        }
        return count[0];
    }

    private static void write(CopyIn copy, StringBuilder buffer) {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        buffer.setLength(0);
    }

    /** Publishes more episodes' events and waits until the event log holds them all: {count, nanos}. */
    private long[] live(SyntheticCohort cohort, String bootstrapServers, long before) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            cohort.generate(LIVE_EPISODES, event -> sent.add(producer.send(CloudEventRecords.toRecord(
                    event.type().topic().address(), event.key(), CloudEventRecords.event(event.id(),
                            event.type().type(), "/bench", event.subject(), event.time(), event.data().getBytes(UTF_8))))));
            for (Future<?> ack : sent) {
                ack.get();
            }
        }
        long target = before + sent.size();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (logged() < target) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the intake applied " + (logged() - before) + " of " + sent.size()
                        + " events in 10 minutes; see the service's log");
            }
            Thread.sleep(100);
        }
        return new long[]{sent.size(), System.nanoTime() - start};
    }

    private long logged() throws SQLException {
        try (Connection connection = database.superuser(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from reporting.event_log")) {
            row.next();
            return row.getLong(1);
        }
    }

    private Map<String, Long> sizes() throws SQLException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try (Connection connection = database.superuser(); Statement statement = connection.createStatement()) {
            for (String table : List.of("episode", "course", "session", "outcome_score", "review_decision", "appointment")) {
                try (ResultSet row = statement.executeQuery("select count(*) from reporting." + table)) {
                    row.next();
                    sizes.put(table, row.getLong(1));
                }
            }
        }
        return sizes;
    }

    record Timed(String report, boolean filtered, Latency latency) {
    }

    record Figures(long events, Map<String, Long> sizes, Duration rebuild, long liveEvents, Duration live,
                   List<Timed> timed, Memory memory) {
    }
}
