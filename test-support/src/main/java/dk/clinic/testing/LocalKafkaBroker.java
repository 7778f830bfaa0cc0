package dk.clinic.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, started from the jars the
 * {@code kafka-broker} module resolved. Its data directory and ports stay the same across {@link #halt()} and
 * {@link #resume()}, so a test can take the broker away and give it back like an outage would.
 * The tests' broker runs on a small, quickly started JVM; a benchmark's ({@link #start(Path, Path)}) on a default one.
 */
public final class LocalKafkaBroker implements TestInfrastructure.TestBroker, AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private static final List<String> TEST_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    private static final List<String> MEASURED_JVM = List.of("-Xms128m", "-Xmx512m");

    private final Path directory;
    private final Path classpathFile;
    private final int port;
    private final List<String> jvmOptions;
    private Process process;

    private LocalKafkaBroker(Path directory, Path classpathFile, int port, List<String> jvmOptions) {
        this.directory = directory;
        this.classpathFile = classpathFile;
        this.port = port;
        this.jvmOptions = jvmOptions;
    }

    /** The tests' broker, in a temporary directory that {@link #shutdown()} deletes. */
    static LocalKafkaBroker start() {
        try {
            return start(classpathFile(), Files.createTempDirectory("clinic-test-kafka-"), TEST_JVM);
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the test Kafka broker: " + e.getMessage(), e);
        }
    }

    /**
     * A benchmark's broker, from the classpath file under the repository's {@code root}: its data and
     * {@code broker.log} stay in {@code directory} after {@link #close()}.
     */
    public static LocalKafkaBroker start(Path root, Path directory) throws IOException {
        Path classpathFile = root.resolve("kafka-broker/target/broker.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException("kafka-broker/target/broker.classpath is missing; build first");
        }
        Files.createDirectories(directory);
        return start(classpathFile, directory, MEASURED_JVM);
    }

    private static LocalKafkaBroker start(Path classpathFile, Path directory, List<String> jvmOptions)
            throws IOException {
        LocalKafkaBroker broker = new LocalKafkaBroker(directory, classpathFile, ChildProcesses.freePort(),
                jvmOptions);
        broker.format(ChildProcesses.freePort());
        broker.resume();
        return broker;
    }

    /** Stops the broker and keeps its directory. */
    @Override
    public void close() {
        halt();
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void halt() {
        thaw(); // a stopped process hears no SIGTERM
        ChildProcesses.stop(process);
        process = null;
    }

    @Override
    public synchronized void freeze() {
        signal("-STOP");
    }

    @Override
    public synchronized void thaw() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not signal the test Kafka broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling the test Kafka broker", e);
        }
    }

    @Override
    public synchronized void resume() {
        if (process != null) {
            return;
        }
        try {
            List<String> command = new ArrayList<>(List.of(ChildProcesses.java()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", Files.readString(classpathFile).trim()));
            Path logConfig = classpathFile.getParent().resolveSibling("src/main/config/log4j2.properties");
            if (Files.exists(logConfig)) {
                command.add("-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath());
            }
            command.addAll(List.of("kafka.Kafka", directory.resolve("server.properties").toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                    .start();
            ChildProcesses.awaitPort(process, port, READY_TIMEOUT, "The test Kafka broker",
                    directory.resolve("broker.log"));
        } catch (IOException | RuntimeException e) {
            halt(); // a broker that did not come up must not outlive the attempt
            throw new IllegalStateException("Could not start the test Kafka broker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            halt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the test Kafka broker started", e);
        }
    }

    @Override
    public void shutdown() {
        halt();
        try {
            ChildProcesses.deleteRecursively(directory);
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test run for
        }
    }

    private void format(int controllerPort) throws IOException {
        Files.writeString(directory.resolve("server.properties"), """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%s
                num.partitions=3
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=5
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                auto.create.topics.enable=true
                """.formatted(controllerPort, port, controllerPort, port, directory.resolve("data")));
        Process format = new ProcessBuilder(ChildProcesses.java(), "-cp", Files.readString(classpathFile).trim(),
                "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                directory.resolve("server.properties").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("format.log").toFile())
                .start();
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: "
                        + Files.readString(directory.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String clusterId() {
        // a Kafka cluster id is 16 random bytes in URL-safe base64 without padding; one starting with '-' would be
        // read as an option by the storage tool, so (like Kafka's own generator) draw again
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static Path classpathFile() {
        String configured = System.getProperty("clinic.broker.classpath.file");
        Path file = configured != null ? Path.of(configured) : findUpwards("kafka-broker/target/broker.classpath");
        if (file == null || !Files.exists(file)) {
            throw new IllegalStateException("""
                    The Kafka broker's classpath (kafka-broker/target/broker.classpath) is missing.
                    Run the tests through ./clinic test (or mvn verify from the repository root), which builds it.""");
        }
        return file;
    }

    private static Path findUpwards(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return null;
    }
}
