package dk.clinic.bench;

import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.clinic.bench.Bench.say;
import static dk.clinic.bench.Bench.seconds;

/**
 * {@code ./clinic bench timeline}: measures the built treatment-service's patient timeline, and prints the figures.
 *
 * <ol>
 *   <li>drops and creates the database {@code clinic_bench_treatment}, starts a Kafka broker and treatment-service
 *       on free ports (so it can run beside {@code ./clinic up} and the booking benchmark's database);</li>
 *   <li>makes {@value #PATIENTS} patients known through booking's patient events ({@link PatientEvents});</li>
 *   <li>writes {@value #MEASURED} episodes through the API as practitioner paula, each with 100 sessions, 10 review
 *       decisions and 15 outcome measurements ({@link EpisodeSeed}), and copies of them for the other patients by
 *       SQL ({@link EpisodeCopies});</li>
 *   <li>times GET /api/timeline/{episodeId} for the measured episodes, one request at a time and with several
 *       clients at once ({@link TimelineLoad}); then the service's memory.</li>
 * </ol>
 * Target (from the issue): a patient timeline with 100 sessions and their outcomes, p95 under 30 ms.
 */
public final class TimelineBenchmark {

    static final double P95_TARGET_MS = 30;
    static final int PATIENTS = 2000;
    static final int MEASURED = 10;
    private static final int WARM_UP_REQUESTS = 1000;

    private final Settings settings;
    private final BenchDatabase database;

    private TimelineBenchmark(Settings settings) {
        this.settings = settings;
        this.database = new BenchDatabase(settings);
    }

    public static void main(String[] args) {
        Bench.main(args, Settings::timeline, settings -> new TimelineBenchmark(settings).run());
    }

    private int run() throws Exception {
        Bench.Staged<Figures> staged = Bench.staged(settings, database, "treatment-service", this::measure);
        TimelineReport report = new TimelineReport(staged.machine(), staged.startedAt(), staged.figures());
        Bench.publish(staged.work(), report.text());
        return report.failed() ? 1 : 0;
    }

    private Figures measure(ServiceProcess service, LocalKafkaBroker broker) throws Exception {
        Api api = new Api(service);
        String paula = api.token("paula", "paula");

        long registering = System.nanoTime();
        List<UUID> patients = PatientEvents.register(broker.bootstrapServers(), database, PATIENTS);
        Duration registered = Duration.ofNanos(System.nanoTime() - registering);
        say(PATIENTS + " patients registered by booking's events, known to treatment-service after "
                + seconds(registered));

        long writing = System.nanoTime();
        List<EpisodeSeed.Episode> measured = EpisodeSeed.write(api, paula, patients.subList(0, MEASURED));
        Duration written = Duration.ofNanos(System.nanoTime() - writing);
        say(MEASURED + " episodes written through the API as paula in " + seconds(written));
        EpisodeCopies.Summary copies = EpisodeCopies.write(database, measured, patients.subList(MEASURED, PATIENTS));
        say((copies.episodes() - MEASURED) + " more episodes copied by SQL in " + seconds(copies.took())
                + ", then VACUUM ANALYZE");

        long answerBytes = TimelineLoad.checkedAnswerBytes(api, paula, measured);
        List<UUID> episodes = measured.stream().map(EpisodeSeed.Episode::id).toList();
        say("timeline: " + WARM_UP_REQUESTS + " requests to warm up, then " + settings.requests()
                + " one at a time, then " + settings.clients() + " clients x " + settings.requests());
        TimelineLoad.run("warm-up", api, paula, episodes, 1, WARM_UP_REQUESTS, service);
        List<TimelineLoad.Result> runs = List.of(
                TimelineLoad.run("one at a time", api, paula, episodes, 1, settings.requests(), service),
                TimelineLoad.run(settings.clients() + " clients at once", api, paula, episodes, settings.clients(),
                        settings.requests(), service));
        return new Figures(registered, measured, written, copies, answerBytes, runs, Memory.of(service, api));
    }

    record Figures(Duration registered, List<EpisodeSeed.Episode> measured, Duration written,
                   EpisodeCopies.Summary copies, long answerBytes, List<TimelineLoad.Result> runs, Memory memory) {
    }
}
