package dk.clinic.bench;

import dk.clinic.testing.ChildProcesses;
import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Function;

/** What every benchmark's main does alike: its options, its children stopped on Ctrl-C, its exit code, its progress. */
final class Bench {

    static final PrintStream OUT = System.out;

    private Bench() {
    }

    @FunctionalInterface
    interface Measure<F> {
        F run(ServiceProcess service, LocalKafkaBroker broker) throws Exception;
    }

    /** What a run measured, and where and when. */
    record Staged<F>(Path work, ZonedDateTime startedAt, Machine machine, F figures) {
    }

    /**
     * The stage every benchmark measures on: a fresh work directory and database, a broker, and the built service
     * (stopped again before this returns).
     */
    static <F> Staged<F> staged(Settings settings, BenchDatabase database, String serviceName, Measure<F> measure)
            throws Exception {
        return staged(settings, database, serviceName, Map.of(), measure);
    }

    /** As {@link #staged(Settings, BenchDatabase, String, Measure)}, with more environment for the service. */
    static <F> Staged<F> staged(Settings settings, BenchDatabase database, String serviceName,
                                Map<String, String> environment, Measure<F> measure) throws Exception {
        Path work = settings.workDirectory();
        ChildProcesses.deleteRecursively(work);
        Files.createDirectories(work);
        ZonedDateTime startedAt = ZonedDateTime.now();

        say("database " + database.name() + ": dropped and created again");
        database.recreate();
        Machine machine = Machine.describe(database.serverVersion());
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings.root(), work.resolve("kafka"))) {
            say("Kafka broker on " + broker.bootstrapServers());
            Path directory = work.resolve(serviceName);
            try (ServiceProcess service = ServiceProcess.start(settings.root(), serviceName, directory,
                    database.jdbcUrl(), broker.bootstrapServers(), IssuerKeys.generate(directory), environment)) {
                say(serviceName + " (pid " + service.pid() + ") ready on port " + service.port()
                        + "; log: " + settings.root().relativize(service.log()));
                return new Staged<>(work, startedAt, machine, measure.run(service, broker));
            }
        }
    }

    /** Prints the report and keeps it as report.txt in the work directory. */
    static void publish(Path work, String report) throws java.io.IOException {
        OUT.println();
        OUT.print(report);
        Files.writeString(work.resolve("report.txt"), report);
    }

    @FunctionalInterface
    interface Run {
        /** @return the exit code: 0 measured, 1 the figures do not describe the service */
        int run(Settings settings) throws Exception;
    }

    /** Exit code 2 for a bad option or a missing build, 1 when the run failed, else what the run says. */
    static void main(String[] args, Function<String[], Settings> options, Run run) {
        Settings settings;
        try {
            settings = options.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        // Ctrl-C must not leave the broker or the service behind
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "stop-children"));
        try {
            System.exit(run.run(settings));
        } catch (Exception e) {
            System.err.println("bench: failed: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void say(String line) {
        OUT.println("bench: " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line);
        OUT.flush();
    }

    static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    static String date(ZonedDateTime time) {
        return time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
