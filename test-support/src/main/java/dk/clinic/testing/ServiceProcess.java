package dk.clinic.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A built service (booking-service or treatment-service, from its target/quarkus-app) as a child JVM, configured
 * the way ./clinic up configures it but on a free port, against the given database and broker, with the given key
 * pair for the local issuer and for verifying tokens (services that share a key pair accept each other's tokens). It logs in with its own role (the datasource user in its
 * application.properties), as under ./clinic up. The environment is passed on, so e.g.
 * QUARKUS_HIBERNATE_ORM_LOG_SQL=true shows every statement in its log.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;
    private Duration readyAfter = Duration.ZERO;

    private ServiceProcess(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** A service with a key pair of its own, written to {@code directory}. */
    public static ServiceProcess start(Path root, String name, Path directory, String jdbcUrl, String bootstrapServers)
            throws IOException, InterruptedException {
        return start(root, name, directory, jdbcUrl, bootstrapServers, IssuerKeys.generate(directory));
    }

    /**
     * @param root the repository's root directory
     * @param name the service's module, e.g. {@code treatment-service}; its log is {@code directory/name.log}
     */
    public static ServiceProcess start(Path root, String name, Path directory, String jdbcUrl, String bootstrapServers,
                                       IssuerKeys keys) throws IOException, InterruptedException {
        return start(root, name, directory, jdbcUrl, bootstrapServers, keys, Map.of());
    }

    /**
     * As {@link #start(Path, String, Path, String, String, IssuerKeys)}, with more environment for the service (e.g.
     * {@code CLINIC_FOLLOW_UPS_WORKER_ENABLED=false}); {@code port} and {@code managementPort} 0 mean free ones.
     */
    public static ServiceProcess start(Path root, String name, Path directory, String jdbcUrl, String bootstrapServers,
                                       IssuerKeys keys, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(root, name, directory, jdbcUrl, bootstrapServers, keys, environment, 0, 0);
    }

    public static ServiceProcess start(Path root, String name, Path directory, String jdbcUrl, String bootstrapServers,
                                       IssuerKeys keys, Map<String, String> environment, int port, int managementPort)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        int httpPort = port == 0 ? ChildProcesses.freePort() : port;
        int management = managementPort == 0 ? ChildProcesses.freePort() : managementPort;
        Path log = directory.resolve(name + ".log");

        // as ./clinic up starts it: the JVM options of deploy/jvm.options, then CLINIC_JAVA_OPTS
        List<String> command = new ArrayList<>(List.of(ChildProcesses.java()));
        command.addAll(jvmOptions(root));
        String javaOpts = System.getenv("CLINIC_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", root.resolve(name + "/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_HOST", "127.0.0.1",
                "QUARKUS_HTTP_PORT", String.valueOf(httpPort),
                "QUARKUS_MANAGEMENT_HOST", "127.0.0.1",
                "QUARKUS_MANAGEMENT_PORT", String.valueOf(management),
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                // the local default of deploy/postgres/roles.sql, as ./clinic up passes it
                "CLINIC_DB_PASSWORD", name.replace("-service", ""),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "CLINIC_JWT_PUBLIC_KEY_LOCATION", "file:" + keys.publicKey(),
                "CLINIC_JWT_PRIVATE_KEY_LOCATION", keys.privateKey().toString()));
        // glibc's malloc keeps an arena per thread otherwise, which the JVM's many threads turn into resident memory
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        long launched = System.nanoTime();
        ServiceProcess service = new ServiceProcess(name, builder.start(), httpPort, management, log);
        try {
            service.awaitReady();
            service.readyAfter = Duration.ofNanos(System.nanoTime() - launched);
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close(); // a service that did not come up must not outlive the attempt
            throw e;
        }
        return service;
    }

    /** The JVM options every service runs with (deploy/jvm.options): one per line, '#' comments left out. */
    public static List<String> jvmOptions(Path root) throws IOException {
        return Files.readAllLines(root.resolve("deploy/jvm.options")).stream()
                .map(line -> line.replaceFirst("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** From launching the JVM until the service answered ready on its health endpoint. */
    public Duration readyAfter() {
        return readyAfter;
    }

    public int port() {
        return port;
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface (health, metrics, OpenAPI), e.g. {@code http://127.0.0.1:41235} */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Ends the service at once, as a crash or {@code kill -9} would: nothing is flushed, no shutdown hook runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** CPU time the service has used so far (user and system, all threads). */
    public Duration cpu() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** Resident memory now and at its peak, in KiB, from /proc/PID/status. */
    public long[] residentKib() throws IOException {
        long rss = 0;
        long peak = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line);
            }
        }
        return new long[]{rss, peak};
    }

    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    private void awaitReady() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + ChildProcesses.tail(log));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    // the management interface answers before the API's port is bound: ready means both
                    ChildProcesses.awaitPort(process, port, Duration.between(Instant.now(), deadline), name, log);
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited during start-up:\n" + ChildProcesses.tail(log));
                    }
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT + ":\n"
                + ChildProcesses.tail(log));
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }
}
