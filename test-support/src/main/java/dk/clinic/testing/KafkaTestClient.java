package dk.clinic.testing;

import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.EventType;
import dk.clinic.contracts.Topic;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Reads and writes the tests' real broker the way the other service would: CloudEvents through the one codec
 * ({@link CloudEventRecords}), checked against the event contract. The Kafka work itself is SmallRye's
 * {@link KafkaCompanion} (from {@code quarkus-test-kafka-companion}); what is ours is the contract around it.
 */
public final class KafkaTestClient {

    private static final Duration SENT = Duration.ofSeconds(30);
    private static KafkaCompanion companion;

    private KafkaTestClient() {
    }

    /** One companion per test JVM, on the broker {@link TestInfrastructure} runs. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(TestInfrastructure.get().broker().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(companion::close, "kafka-companion-close"));
        }
        return companion;
    }

    public static List<ConsumerRecord<String, String>> await(Topic topic, Predicate<ConsumerRecord<String, String>> match,
                                                           int count, Duration timeout) {
        return await(topic.address(), match, count, timeout);
    }

    /** Reads the topic from its beginning until {@code count} records match, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                           int count, Duration timeout) {
        try (ConsumerTask<String, String> task = reader().fromTopics(topic, records -> records.select().where(match))) {
            try {
                task.awaitRecords(count, timeout);
            } catch (AssertionError e) {
                throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
                        + " but found " + task.count(), e);
            }
            return List.copyOf(task.getRecords());
        }
    }

    public static List<ConsumerRecord<String, String>> readAll(Topic topic, Predicate<ConsumerRecord<String, String>> match) {
        return readAll(topic.address(), match);
    }

    /** Everything matching on the topic now, read to its end (for asserting that something happened only once). */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match) {
        long published = recordsOn(topic);
        if (published == 0) {
            return List.of();
        }
        try (ConsumerTask<String, String> task = reader().fromTopics(topic, published)) {
            task.awaitCompletion(SENT);
            return task.getRecords().stream().filter(match).toList();
        }
    }

    private static ConsumerBuilder<String, String> reader() {
        return companion().consumeStrings()
                .withGroupId("test-reader-" + UUID.randomUUID())
                .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    private static long recordsOn(String topic) {
        if (!companion().topics().list().contains(topic)) {
            return 0;
        }
        List<TopicPartition> partitions = companion().topics().describe(topic).get(topic).partitions().stream()
                .map(partition -> new TopicPartition(topic, partition.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> first = companion().offsets().list(offsets(partitions, OffsetSpec.earliest()));
        Map<TopicPartition, ListOffsetsResultInfo> end = companion().offsets().list(offsets(partitions, OffsetSpec.latest()));
        return partitions.stream().mapToLong(p -> end.get(p).offset() - first.get(p).offset()).sum();
    }

    private static Map<TopicPartition, OffsetSpec> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), partition -> spec));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    public static Map<String, String> cloudEventHeaders(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith("ce_") || header.key().equals("content-type")) {
                headers.put(header.key(), new String(header.value(), UTF_8));
            }
        }
        return headers;
    }

    /**
     * Publishes an event as the producing service would, after checking it against the contract.
     *
     * @return the event id
     */
    public static UUID publish(EventType type, String key, String subject, String dataJson) {
        return publish(UUID.randomUUID(), type, key, subject, dataJson);
    }

    public static UUID publish(UUID eventId, EventType type, String key, String subject, String dataJson) {
        return publishTo(type.topic().address(), eventId, type, key, subject, dataJson);
    }

    /** As {@link #publish(UUID, EventType, String, String, String)}, to a topic other than the contract's (a test's own). */
    public static UUID publishTo(String topic, UUID eventId, EventType type, String key, String subject, String dataJson) {
        List<String> violations = EventContracts.get().violations(type.type(), dataJson);
        if (!violations.isEmpty()) {
            throw new AssertionError("The test's own event breaks the contract: " + violations);
        }
        send(topic, eventId, type, key, subject, dataJson);
        return eventId;
    }

    /** A well-formed CloudEvent whose data breaks the contract (for tests of what a consumer does with it). */
    public static UUID publishBreakingTheContract(EventType type, String key, String subject, String dataJson) {
        UUID eventId = UUID.randomUUID();
        send(type.topic().address(), eventId, type, key, subject, dataJson);
        return eventId;
    }

    private static void send(String topic, UUID eventId, EventType type, String key, String subject, String dataJson) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(topic, key, CloudEventRecords.event(
                eventId, type.type(), "/test", subject, Instant.now(), dataJson.getBytes(UTF_8)));
        companion().produce(byte[].class).fromRecords(record).awaitCompletion(SENT);
    }

    /** Sends a record exactly as given, contract or not (for poison-message tests). */
    public static void sendRaw(ProducerRecord<String, String> record) {
        companion().produceStrings().fromRecords(record).awaitCompletion(SENT);
    }
}
