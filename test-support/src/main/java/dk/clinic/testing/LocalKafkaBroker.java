package dk.clinic.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, started from the jars the
 * {@code kafka-broker} module resolved. Its data directory and ports stay the same across {@link #halt()} and
 * {@link #resume()}, so a test can take the broker away and give it back like an outage would.
 */
final class LocalKafkaBroker implements TestInfrastructure.TestBroker {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final Path classpathFile;
    private final int port;
    private Process process;

    private LocalKafkaBroker(Path directory, Path classpathFile, int port) {
        this.directory = directory;
        this.classpathFile = classpathFile;
        this.port = port;
    }

    static LocalKafkaBroker start() {
        try {
            Path classpathFile = classpathFile();
            Path directory = Files.createTempDirectory("clinic-test-kafka-");
            int port = freePort();
            LocalKafkaBroker broker = new LocalKafkaBroker(directory, classpathFile, port);
            broker.format(freePort());
            broker.resume();
            return broker;
        } catch (IOException e) {
            throw new IllegalStateException("Could not prepare the test Kafka broker: " + e.getMessage(), e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public synchronized void halt() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public synchronized void resume() {
        if (process != null) {
            return;
        }
        try {
            List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xms128m", "-Xmx512m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", Files.readString(classpathFile).trim()));
            Path logConfig = classpathFile.getParent().resolveSibling("src/main/config/log4j2.properties");
            if (Files.exists(logConfig)) {
                command.add("-Dlog4j2.configurationFile=" + logConfig.toAbsolutePath());
            }
            command.addAll(List.of("kafka.Kafka", directory.resolve("server.properties").toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("broker.log").toFile()))
                    .start();
            awaitReady();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the test Kafka broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void shutdown() {
        halt();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
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
        Process format = new ProcessBuilder(javaExecutable(), "-cp", Files.readString(classpathFile).trim(),
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

    private void awaitReady() throws IOException {
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The test Kafka broker exited: " + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("The test Kafka broker was not ready within " + READY_TIMEOUT + ": " + logTail());
    }

    private String logTail() throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve("broker.log"), StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
