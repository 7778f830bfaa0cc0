package dk.clinic.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run measures and where: the repository (for the built service and the broker's classpath), the local
 * PostgreSQL (the same CLINIC_PG_* variables as ./clinic and the tests), the benchmark's own database and work
 * directory, and the sizes of each measurement. Each benchmark takes only its own options; the others keep their
 * defaults and are not used.
 */
record Settings(Path root, String pgHost, String pgPort, String pgSuperuser, String pgPassword, String database,
                Path workDirectory, Duration duration, int searches, int clients, int requests, int pageLoads,
                int episodes) {

    static final String BOOKING_USAGE = """
            Usage: ./clinic bench [--duration SECONDS] [--searches N] [--clients N]
              --duration  how long each booking run and the pgbench run last (default 30)
              --searches  timed slot searches over the coming year (default 300; a third as many for the next 2 weeks)
              --clients   concurrent booking clients, and pgbench's clients (default 16)""";

    static final String TIMELINE_USAGE = """
            Usage: ./clinic bench timeline [--requests N] [--clients N]
              --requests  timed timeline requests one at a time, and per client in the concurrent run (default 500)
              --clients   clients in the concurrent run (default 4)""";

    static final String CALENDAR_USAGE = """
            Usage: ./clinic bench calendar [--requests N] [--loads N]
              --requests  timed requests for the day's appointments (default 500)
              --loads     timed page loads in Chromium, in a fresh profile and as reloads (default 20 each)""";

    static final String PAGES_USAGE = """
            Usage: ./clinic bench pages [--loads N] [--episodes N]
              --loads     timed page loads of each page in a fresh browser profile, and as many reloads (default 20)
              --episodes  episodes behind the outcome dashboard (default 50000)""";

    static final String REPORTING_USAGE = """
            Usage: ./clinic bench reporting [--episodes N] [--requests N]
              --episodes  episodes of the synthetic clinic (default 50000: about 300000 sessions, 200000 measures)
              --requests  timed requests of each report, with and without filters (default 50)""";

    static final String EVENTS_USAGE = """
            Usage: ./clinic bench events [--duration SECONDS]
              --duration  how long each rate (50 and 500 events per second) is held (default 20)""";

    /** ./clinic bench: booking-service in CLINIC_BENCH_DB (clinic_bench), files in .clinic/bench. */
    static Settings booking(String[] args) {
        Map<String, Integer> options = options(args, BOOKING_USAGE,
                Map.of("--duration", 30, "--searches", 300, "--clients", 16));
        Path root = root("booking-service");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_DB", "clinic_bench"), root.resolve(".clinic/bench"),
                Duration.ofSeconds(options.get("--duration")), options.get("--searches"), options.get("--clients"), 0, 0, 0);
    }

    /**
     * ./clinic bench timeline: treatment-service in CLINIC_BENCH_TREATMENT_DB (clinic_bench_treatment), files in
     * .clinic/bench-timeline, so that it leaves the booking benchmark's database and report alone.
     */
    static Settings timeline(String[] args) {
        Map<String, Integer> options = options(args, TIMELINE_USAGE, Map.of("--requests", 500, "--clients", 4));
        Path root = root("treatment-service");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_TREATMENT_DB", "clinic_bench_treatment"), root.resolve(".clinic/bench-timeline"),
                Duration.ZERO, 0, options.get("--clients"), options.get("--requests"), 0, 0);
    }

    /**
     * ./clinic bench calendar: booking-service and clinic-web in CLINIC_BENCH_CALENDAR_DB (clinic_bench_calendar),
     * files in .clinic/bench-calendar.
     */
    static Settings calendar(String[] args) {
        Map<String, Integer> options = options(args, CALENDAR_USAGE, Map.of("--requests", 500, "--loads", 20));
        Path root = root("booking-service");
        root("clinic-web");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_CALENDAR_DB", "clinic_bench_calendar"), root.resolve(".clinic/bench-calendar"),
                Duration.ZERO, 0, 1, options.get("--requests"), options.get("--loads"), 0);
    }

    /**
     * ./clinic bench reporting: reporting-service in CLINIC_BENCH_REPORTING_DB (clinic_bench_reporting), files in
     * .clinic/bench-reporting.
     */
    static Settings reporting(String[] args) {
        Map<String, Integer> options = options(args, REPORTING_USAGE, Map.of("--requests", 50, "--episodes", 50_000));
        Path root = root("reporting-service");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_REPORTING_DB", "clinic_bench_reporting"), root.resolve(".clinic/bench-reporting"),
                Duration.ZERO, 0, 1, options.get("--requests"), 0, options.get("--episodes"));
    }

    /**
     * ./clinic bench pages: treatment-, booking- and reporting-service and clinic-web in CLINIC_BENCH_PAGES_DB
     * (clinic_bench_pages), files in .clinic/bench-pages.
     */
    static Settings pages(String[] args) {
        Map<String, Integer> options = options(args, PAGES_USAGE, Map.of("--loads", 20, "--episodes", 50_000));
        Path root = root("treatment-service");
        root("booking-service");
        root("reporting-service");
        root("clinic-web");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_PAGES_DB", "clinic_bench_pages"), root.resolve(".clinic/bench-pages"),
                Duration.ZERO, 0, 1, 0, options.get("--loads"), options.get("--episodes"));
    }

    /**
     * ./clinic bench events: booking- and treatment-service in CLINIC_BENCH_EVENTS_DB (clinic_bench_events), files in
     * .clinic/bench-events.
     */
    static Settings events(String[] args) {
        Map<String, Integer> options = options(args, EVENTS_USAGE, Map.of("--duration", 20));
        Path root = root("treatment-service");
        root("booking-service");
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_EVENTS_DB", "clinic_bench_events"), root.resolve(".clinic/bench-events"),
                Duration.ofSeconds(options.get("--duration")), 0, 1, 0, 0, 0);
    }

    /** The given options over their defaults; every value a positive whole number. */
    private static Map<String, Integer> options(String[] args, String usage, Map<String, Integer> defaults) {
        Map<String, Integer> options = new LinkedHashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            if (!defaults.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "\n" + usage);
            }
            options.put(args[i], positive(args[i], i + 1 < args.length ? args[i + 1] : null, usage));
        }
        return options;
    }

    private static Path root(String service) {
        Path root = Path.of(System.getProperty("clinic.root", "")).toAbsolutePath();
        if (!Files.isRegularFile(root.resolve(service + "/target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalArgumentException(service + "/target/quarkus-app/quarkus-run.jar is missing under "
                    + root + "; run ./clinic bench from the repository (it builds first)");
        }
        return root;
    }

    private static int positive(String option, String value, String usage) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number\n" + usage);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
