package dk.clinic.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, made with the installed server's {@code initdb} on a free port, so a test can
 * stop, restart and freeze a database under a running service without touching the server everyone else uses.
 * PostgreSQL refuses to run as root, so under root (as in CI) the cluster belongs to, and runs as, the {@code postgres}
 * OS user. The database {@code clinic} gets the same roles and schemas as {@code ./clinic up}'s.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private ThrowawayPostgres(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates, starts and prepares a cluster (roles, schemas, btree_gist in database {@code clinic}). */
    public static ThrowawayPostgres start() throws IOException, InterruptedException {
        Path bin = serverBinaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("clinic-throwaway-pg-");
        ThrowawayPostgres postgres = new ThrowawayPostgres(bin, directory, ChildProcesses.freePort(), root);
        try {
            if (root) {
                run(List.of("chown", "postgres:postgres", directory.toString()));
            }
            postgres.runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", postgres.data().toString(),
                    "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
            postgres.startServer();
            postgres.prepare();
            return postgres;
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** e.g. {@code jdbc:postgresql://127.0.0.1:41234/clinic} */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/clinic";
    }

    /** Stops the server as an administrator would (fast shutdown: connections are cut). */
    public void stopServer() throws IOException, InterruptedException {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"));
    }

    /** Starts the server again on the same port with the same data, and waits until it accepts connections. */
    public void startServer() throws IOException, InterruptedException {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w", "-t", "60",
                "-l", directory.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1", "start"));
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (!accepts()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The throwaway PostgreSQL did not come up:\n"
                        + ChildProcesses.tail(directory.resolve("server.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Freezes every process of the server (SIGSTOP), as a hung machine would: connections stay, nothing answers. */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    /** Whether the server accepts a connection and answers now. */
    public boolean accepts() {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres?connectTimeout=2&socketTimeout=2", "postgres", "");
             Statement statement = connection.createStatement()) {
            return statement.execute("select 1");
        } catch (SQLException notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                signal("-CONT");
                stopServer();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // best effort: the directory goes either way
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void prepare() {
        String server = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(server, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("create database clinic");
            statement.execute(LocalDatabase.script("roles.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the throwaway PostgreSQL: " + e.getMessage(), e);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(LocalDatabase.script("database.sql"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database clinic: " + e.getMessage(), e);
        }
    }

    /** Sends a signal to the postmaster and every server process it started. */
    private void signal(String signal) throws IOException, InterruptedException {
        Path pidFile = data().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(handle ->
                handle.descendants().forEach(child -> command.add(String.valueOf(child.pid()))));
        run(command);
    }

    private void runAsOwner(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** The installed server's initdb and pg_ctl, newest version first (Debian keeps them out of PATH). */
    private static Path serverBinaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString()
                                .replaceAll("\\D", "0"))));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) under " + debian
                + ": install the PostgreSQL server (Debian: apt-get install postgresql)");
    }
}
