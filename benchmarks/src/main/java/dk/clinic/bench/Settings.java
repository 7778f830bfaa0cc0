package dk.clinic.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a run measures and where: the repository (for the built service and the broker's classpath), the local
 * PostgreSQL (the same CLINIC_PG_* variables as ./clinic and the tests) and the sizes of each measurement.
 */
record Settings(Path root, String pgHost, String pgPort, String pgSuperuser, String pgPassword, String database,
                Duration duration, int searches, int clients) {

    static final String USAGE = """
            Usage: ./clinic bench [--duration SECONDS] [--searches N] [--clients N]
              --duration  how long each booking run and the pgbench run last (default 30)
              --searches  timed slot searches over the coming year (default 300; a third as many for the next 2 weeks)
              --clients   concurrent booking clients, and pgbench's clients (default 16)""";

    static Settings from(String[] args) {
        int duration = 30;
        int searches = 300;
        int clients = 16;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--duration" -> duration = positive(args[i], value);
                case "--searches" -> searches = positive(args[i], value);
                case "--clients" -> clients = positive(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        Path root = Path.of(System.getProperty("clinic.root", "")).toAbsolutePath();
        if (!Files.isRegularFile(root.resolve("booking-service/target/quarkus-app/quarkus-run.jar"))) {
            throw new IllegalArgumentException("booking-service/target/quarkus-app/quarkus-run.jar is missing under "
                    + root + "; run ./clinic bench from the repository (it builds first)");
        }
        return new Settings(root, env("CLINIC_PG_HOST", "127.0.0.1"), env("CLINIC_PG_PORT", "5432"),
                env("CLINIC_PG_SUPERUSER", "postgres"), env("CLINIC_PG_PASSWORD", ""),
                env("CLINIC_BENCH_DB", "clinic_bench"), Duration.ofSeconds(duration), searches, clients);
    }

    /** Everything a run writes (keys, broker data, logs, the pgbench script); replaced by the next run. */
    Path workDirectory() {
        return root.resolve(".clinic/bench");
    }

    private static int positive(String option, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive number\n" + USAGE);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
