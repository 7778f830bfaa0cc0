package dk.clinic.bench;

import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.clinic.bench.Bench.say;
import static dk.clinic.bench.Bench.seconds;
import static dk.clinic.bench.PageLoads.line;

/**
 * {@code ./clinic bench pages}: the practitioner's episode page and the clinic lead's outcome dashboard, as Chromium
 * shows them.
 *
 * <ol>
 *   <li>drops and creates the database {@code clinic_bench_pages}, starts a Kafka broker, treatment-, booking- and
 *       reporting-service on free ports (one key pair, as ./clinic up);</li>
 *   <li>the episode: 2,000 patients by booking's events, one episode written through the API as paula with 100
 *       sessions, 13 review decisions and 15 outcome measurements ({@link EpisodeSeed}, as the timeline benchmark
 *       writes it), and copies of it for the other patients by SQL ({@link EpisodeCopies});</li>
 *   <li>the clinic (20 practitioners, rooms, devices; {@link ClinicSeed}) for the reception's lists and the
 *       utilization heat map;</li>
 *   <li>the dashboard's figures: a synthetic clinic of 50,000 episodes ({@link SyntheticCohort}) in
 *       reporting-service's event log, and its read model rebuilt from them;</li>
 *   <li>clinic-web in front of the three, and each page loaded again and again in headless Chromium
 *       ({@link PageLoads}): in a fresh profile and on reload, until usable.</li>
 * </ol>
 * Target (from the issue): both pages usable in Chromium in under 1 s.
 */
public final class PagesBenchmark {

    static final int PATIENTS = 2000;
    private static final long SEED = 7;
    /** The synthetic clinic's two years (episodes open from 2025-01-06 over 730 days). */
    private static final String COHORT_PERIOD = "from=2025-01-01&to=2027-01-31";

    private final Settings settings;
    private final BenchDatabase database;

    private PagesBenchmark(Settings settings) {
        this.settings = settings;
        this.database = new BenchDatabase(settings);
    }

    public static void main(String[] args) {
        Bench.main(args, Settings::pages, settings -> new PagesBenchmark(settings).run());
    }

    private int run() throws Exception {
        PageLoads.requireChromium();
        Bench.Staged<Figures> staged = Bench.staged(settings, database, "treatment-service", this::measure);
        Bench.publish(staged.work(), text(staged));
        return 0;
    }

    private Figures measure(ServiceProcess treatment, LocalKafkaBroker broker) throws Exception {
        Path work = settings.workDirectory();
        // the key pair Bench.staged made for treatment-service: every service trusts the same local issuer
        IssuerKeys keys = new IssuerKeys(work.resolve("treatment-service/issuer-public.pem"),
                work.resolve("treatment-service/issuer-private.pem"));
        // two reporting-services on the one read model: one works every report out at every request (the first view
        // after any change), the other keeps its answers while the read model stays as it is (ReportCache)
        try (ServiceProcess booking = ServiceProcess.start(settings.root(), "booking-service",
                work.resolve("booking-service"), database.jdbcUrl(), broker.bootstrapServers(), keys);
             ServiceProcess reporting = ServiceProcess.start(settings.root(), "reporting-service",
                     work.resolve("reporting-service"), database.jdbcUrl(), broker.bootstrapServers(), keys,
                     Map.of("CLINIC_REPORTS_CACHE_SIZE", "0"));
             ServiceProcess reportingKept = ServiceProcess.start(settings.root(), "reporting-service",
                     work.resolve("reporting-service-kept"), database.jdbcUrl(), broker.bootstrapServers(), keys)) {
            say("booking-service on port " + booking.port() + ", reporting-service on port " + reporting.port());
            Api treatmentApi = new Api(treatment);
            String paula = treatmentApi.token("paula", "paula");

            long started = System.nanoTime();
            List<UUID> patients = PatientEvents.register(broker.bootstrapServers(), database, PATIENTS);
            EpisodeSeed.Episode episode = EpisodeSeed.write(treatmentApi, paula, patients.subList(0, 1)).getFirst();
            EpisodeCopies.Summary copies = EpisodeCopies.write(database, List.of(episode),
                    patients.subList(1, PATIENTS));
            say("the episode (%d sessions, %d outcome measures) and %,d copies in %s".formatted(episode.sessions(),
                    episode.measurements(), copies.episodes() - 1, seconds(Duration.ofNanos(System.nanoTime() - started))));

            Api bookingApi = new Api(booking);
            SeededClinic clinic = ClinicSeed.seed(bookingApi, bookingApi.token("admin", "admin"),
                    bookingApi.token("rita", "rita"));
            say(clinic.practitioners().size() + " practitioners in booking-service");

            started = System.nanoTime();
            long events = ReportingBenchmark.copy(database, new SyntheticCohort(SEED), settings.episodes());
            Api reportingApi = new Api(reporting);
            reportingApi.postLong("/api/read-model/rebuild", reportingApi.token("admin", "admin"), Duration.ofMinutes(30))
                    .expect(200);
            Duration cohort = Duration.ofNanos(System.nanoTime() - started);
            say("%,d episodes' events (%,d) in the event log and the read model rebuilt in %s".formatted(
                    settings.episodes(), events, seconds(cohort)));

            try (ServiceProcess web = webApp(work.resolve("clinic-web"), keys, broker, booking, treatment, reporting);
                 ServiceProcess webKept = webApp(work.resolve("clinic-web-kept"), keys, broker, booking, treatment,
                         reportingKept)) {
                say("Chromium: the episode page, " + settings.pageLoads() + " loads in a fresh profile and as many "
                        + "reloads");
                // usable: every session listed, every measure listed, the outcome chart drawn
                PageLoads.Browsing episodePage = PageLoads.browse(web.url(), new PageLoads.Target(
                        "/episodes/" + episode.id(), "paula",
                        "document.querySelectorAll('[data-testid=sessions] tbody tr').length >= " + episode.sessions()
                                + " && document.querySelectorAll('[data-testid=measurements] tbody tr').length >= "
                                + episode.measurements()
                                + " && document.querySelector('[data-testid=outcome-chart]') !== null",
                        "the episode's timeline received", "/api/treatment/timeline/",
                        work.resolve("episode-page.png")), settings.pageLoads());
                say("Chromium: the outcome dashboard, every report worked out at every request, as many loads");
                // usable: the five charts drawn, and every report's table or message in place
                PageLoads.Target dashboardPage = new PageLoads.Target("/dashboard?" + COHORT_PERIOD, "anders",
                        "document.querySelectorAll('.dashboard canvas[role=img]').length >= 5"
                                + " && document.querySelectorAll('.dashboard section.report').length >= 7",
                        "the reports received", "/api/reporting/reports/", work.resolve("dashboard.png"));
                PageLoads.Browsing dashboard = PageLoads.browse(web.url(), dashboardPage, settings.pageLoads());
                say("Chromium: the outcome dashboard as it opens (/dashboard: the last 26 weeks), every report worked "
                        + "out at every request, as many loads");
                PageLoads.Browsing dashboardOpened = PageLoads.browse(web.url(), new PageLoads.Target("/dashboard",
                        "anders", dashboardPage.usableWhen(), dashboardPage.dataName(), dashboardPage.dataUrl(),
                        work.resolve("dashboard-opened.png")), settings.pageLoads());
                say("Chromium: the outcome dashboard, answers kept while the read model stays as it is, as many loads");
                PageLoads.Browsing dashboardKept = PageLoads.browse(webKept.url(), dashboardPage, settings.pageLoads());
                return new Figures(episode, copies.episodes(), settings.episodes(), events, cohort, episodePage,
                        dashboardOpened, dashboard, dashboardKept, web.residentKib()[0]);
            }
        }
    }

    record Figures(EpisodeSeed.Episode episode, long episodeCopies, int cohortEpisodes, long cohortEvents,
                   Duration cohortLoaded, PageLoads.Browsing episodePage, PageLoads.Browsing dashboardOpened,
                   PageLoads.Browsing dashboard, PageLoads.Browsing dashboardKept, long webRssKib) {
    }

    private ServiceProcess webApp(Path directory, IssuerKeys keys, LocalKafkaBroker broker, ServiceProcess booking,
                                  ServiceProcess treatment, ServiceProcess reporting) throws Exception {
        ServiceProcess web = ServiceProcess.start(settings.root(), "clinic-web", directory, database.jdbcUrl(),
                broker.bootstrapServers(), keys, Map.of(
                        "CLINIC_BOOKING_URL", booking.url(),
                        "CLINIC_TREATMENT_URL", treatment.url(),
                        "CLINIC_REPORTING_URL", reporting.url(),
                        "CLINIC_WEB_SESSION_SECRET", "benchmark-session-secret-of-enough-length"));
        say("clinic-web (pid " + web.pid() + ") ready on port " + web.port() + ", in front of " + reporting.url());
        return web;
    }

    private String text(Bench.Staged<Figures> staged) {
        Figures figures = staged.figures();
        StringBuilder out = new StringBuilder();
        Duration took = Duration.between(staged.startedAt(), ZonedDateTime.now());
        line(out, "Pages benchmark, %s (took %d min %d s)", Bench.date(staged.startedAt()), took.toMinutes(),
                took.toSecondsPart());
        line(out, "Machine: %s", staged.machine());
        line(out, "         three services, clinic-web, PostgreSQL, Kafka, Chromium and the load generator share "
                + "these CPUs");
        line(out, "Data:    the episode: %d sessions, %d review decisions, %d plan versions, %d outcome measures, "
                        + "among %,d episodes", figures.episode().sessions(), figures.episode().reviews(),
                figures.episode().planVersions(), figures.episode().measurements(), figures.episodeCopies());
        line(out, "         the dashboard: %,d episodes (%,d events), read model rebuilt in %s", figures.cohortEpisodes(),
                figures.cohortEvents(), seconds(figures.cohortLoaded()));
        out.append('\n');
        line(out, "The episode page, /episodes/{id}, as paula:");
        PageLoads.report(out, figures.episodePage(), "all " + figures.episode().sessions() + " sessions and "
                + figures.episode().measurements() + " measures are listed and the outcome chart is drawn");
        out.append('\n');
        line(out, "The outcome dashboard as it opens, /dashboard (its default period: the last 26 weeks), as anders, every");
        line(out, "report worked out at every request (CLINIC_REPORTS_CACHE_SIZE=0):");
        PageLoads.report(out, figures.dashboardOpened(), "its five charts are drawn and all seven reports are in place");
        out.append('\n');
        line(out, "The outcome dashboard, /dashboard?%s, as anders, every report worked out at every request", COHORT_PERIOD);
        line(out, "(CLINIC_REPORTS_CACHE_SIZE=0: as the first view after the read model changed):");
        PageLoads.report(out, figures.dashboard(), "its five charts are drawn and all seven reports are in place");
        out.append('\n');
        line(out, "The same, with the answers kept while the read model stays as it is (the default):");
        PageLoads.report(out, figures.dashboardKept(), "its five charts are drawn and all seven reports are in place");
        out.append('\n');
        line(out, "Memory: clinic-web RSS %.0f MiB", figures.webRssKib() / 1024.0);
        return out.toString();
    }
}
