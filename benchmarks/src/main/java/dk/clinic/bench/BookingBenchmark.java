package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static dk.clinic.bench.Bench.say;
import static dk.clinic.bench.Bench.seconds;

/**
 * {@code ./clinic bench}: measures the built booking-service the way the clinic uses it, and prints the figures.
 *
 * <ol>
 *   <li>drops and creates the database {@code clinic_bench}, starts a Kafka broker and booking-service on free
 *       ports (so it can run beside {@code ./clinic up});</li>
 *   <li>sets up the clinic through the API (20 practitioners, 8 rooms, 2 shockwave units, 3 appointment types,
 *       2000 patients) and writes one year of appointments by SQL ({@link History});</li>
 *   <li>slot search for shockwave over 4 weeks, one request at a time ({@link SlotSearch});</li>
 *   <li>booking with N concurrent clients, without and with contention ({@link BookingLoad});</li>
 *   <li>the service's memory; then, with the service stopped, pgbench running a booking's SQL ({@link Pgbench}).</li>
 * </ol>
 * Targets (from the issue): slot search p95 under 50 ms; bookings per second at least half of pgbench's rate.
 */
public final class BookingBenchmark {

    static final double SLOT_SEARCH_P95_TARGET_MS = 50;
    static final double CEILING_RATIO_TARGET = 0.5;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int WARM_UP_SEARCHES = 50;

    private final Settings settings;
    private final BenchDatabase database;

    private BookingBenchmark(Settings settings) {
        this.settings = settings;
        this.database = new BenchDatabase(settings);
    }

    public static void main(String[] args) {
        Bench.main(args, Settings::booking, settings -> new BookingBenchmark(settings).run());
    }

    private int run() throws Exception {
        Bench.Staged<Figures> staged = Bench.staged(settings, database, "booking-service",
                (service, broker) -> measure(service));
        Figures figures = staged.figures();
        Path work = staged.work();
        // the service's connections have ended, so every backend has reported its deadlocks by now
        long contendedDeadlocks = database.deadlocks() - figures.deadlocksBeforeContention();
        Optional<String> noPgbench = Pgbench.unavailable();
        Pgbench.Result ceiling = null;
        if (noPgbench.isEmpty()) {
            say("booking-service stopped; pgbench: " + settings.clients() + " clients, "
                    + settings.duration().toSeconds() + " s, the SQL of a booking");
            ceiling = Pgbench.run(settings, database, figures.clinic(), work);
        } else {
            say("no PostgreSQL ceiling: " + noPgbench.get());
        }
        Report report = new Report(settings, staged.machine(), staged.startedAt(), figures, contendedDeadlocks, ceiling,
                noPgbench.orElse(null));
        Bench.publish(work, report.text());
        return report.failed() ? 1 : 0;
    }

    private Figures measure(ServiceProcess service) throws Exception {
        Api api = new Api(service);
        String admin = api.token("admin", "admin");
        String receptionist = api.token("rita", "rita");

        long seeding = System.nanoTime();
        SeededClinic clinic = ClinicSeed.seed(api, admin, receptionist);
        Duration seeded = Duration.ofNanos(System.nanoTime() - seeding);
        say("clinic set up through the API in " + seconds(seeded) + ": " + clinic.practitioners().size()
                + " practitioners, " + clinic.rooms().size() + " rooms, " + clinic.devices().size()
                + " shockwave units, 3 appointment types, " + clinic.patients().size() + " patients");
        History.Summary history = History.write(database, clinic);
        say("history written by SQL in " + seconds(history.took()) + ": " + history.appointments()
                + " appointments " + history.first() + " to " + history.last() + ", then VACUUM ANALYZE");

        LocalDate today = LocalDate.now(history.zone());
        Random random = new Random(42);
        say("slot search: " + WARM_UP_SEARCHES + " to warm up, then " + settings.searches() + " + "
                + Math.max(1, settings.searches() / 3) + " timed, one at a time");
        SlotSearch.run("warm-up", api, receptionist, clinic.shockwave(), today, 365 - 28, WARM_UP_SEARCHES, random);
        List<SlotSearch.Result> searches = new ArrayList<>();
        searches.add(SlotSearch.run("from a day in the coming year", api, receptionist, clinic.shockwave(),
                today.plusDays(1), 365 - 28, settings.searches(), random));
        searches.add(SlotSearch.run("from a day in the next 2 weeks", api, receptionist, clinic.shockwave(),
                today.plusDays(1), 14, Math.max(1, settings.searches() / 3), random));

        // bookings go after the seeded year, on empty days, so that without contention every one can succeed
        LocalDate afterHistory = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .plusWeeks(History.WEEKS_AHEAD + 1);
        BookingLoad load = new BookingLoad(api, receptionist, clinic, settings.clients(), service);
        List<BookingLoad.Result> bookings = new ArrayList<>();
        say("booking without contention: " + WARM_UP.toSeconds() + " s warm-up, " + settings.duration().toSeconds()
                + " s measured, " + settings.clients() + " clients");
        load.withoutContention("warm-up", afterHistory, WARM_UP);
        bookings.add(load.withoutContention("without contention", afterHistory, settings.duration()));
        LocalDate contended = load.mondayAfterOwnDays(afterHistory);
        long deadlocksBeforeContention = database.deadlocks();
        say("booking with contention (" + BookingLoad.CONTENDED_TIMES + " times per round, all clients at once): "
                + WARM_UP.toSeconds() + " s warm-up, " + settings.duration().toSeconds() + " s measured");
        load.withContention("warm-up", contended, WARM_UP);
        bookings.add(load.withContention("with contention", contended, settings.duration()));

        say("stack ceiling: GET " + StackCeiling.PATH + ", " + settings.clients() + " clients, "
                + WARM_UP.toSeconds() + " s warm-up, " + settings.duration().toSeconds() + " s measured");
        StackCeiling.run(api, receptionist, settings.clients(), WARM_UP, service);
        StackCeiling.Result stack = StackCeiling.run(api, receptionist, settings.clients(), settings.duration(), service);

        Memory memory = Memory.of(service, api);
        return new Figures(clinic, seeded, history, searches, bookings, deadlocksBeforeContention, stack, memory);
    }

    record Figures(SeededClinic clinic, Duration seeded, History.Summary history, List<SlotSearch.Result> searches,
                   List<BookingLoad.Result> bookings, long deadlocksBeforeContention, StackCeiling.Result stack,
                   Memory memory) {
    }
}
