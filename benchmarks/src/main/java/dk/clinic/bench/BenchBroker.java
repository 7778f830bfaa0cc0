package dk.clinic.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A one-node Kafka (KRaft) in its own JVM on free ports, started from the jars the kafka-broker module resolved,
 * as the tests start theirs. The outbox relay publishes every booking to it during the runs, as in production.
 */
final class BenchBroker implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private BenchBroker(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static BenchBroker start(Path root, Path directory) throws IOException, InterruptedException {
        Path classpathFile = root.resolve("kafka-broker/target/broker.classpath");
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException("kafka-broker/target/broker.classpath is missing; build first");
        }
        String classpath = Files.readString(classpathFile).trim();
        Files.createDirectories(directory);
        int port = Processes.freePort();
        int controllerPort = Processes.freePort();
        Path config = directory.resolve("server.properties");
        Files.writeString(config, """
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
        Path log = directory.resolve("broker.log");
        Process format = new ProcessBuilder(Processes.java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (format.waitFor() != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed:\n" + Processes.tail(log));
        }
        List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xms128m", "-Xmx512m",
                "-cp", classpath));
        Path logConfig = root.resolve("kafka-broker/src/main/config/log4j2.properties");
        if (Files.exists(logConfig)) {
            command.add("-Dlog4j2.configurationFile=" + logConfig);
        }
        command.addAll(List.of("kafka.Kafka", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BenchBroker broker = new BenchBroker(process, port);
        Processes.awaitPort(process, port, READY_TIMEOUT, "the Kafka broker", log);
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    /** 16 random bytes in URL-safe base64; one starting with '-' would be read as an option, so draw again. */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
