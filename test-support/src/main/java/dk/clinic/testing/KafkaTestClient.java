package dk.clinic.testing;

import dk.clinic.contracts.EventContracts;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Reads and writes the tests' real broker the way the other service would: CloudEvents in binary mode,
 * checked against the event contract.
 */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    private static String bootstrapServers() {
        return TestInfrastructure.get().broker().bootstrapServers();
    }

    /** Reads the topic from its beginning until {@code count} records match, or fails after {@code timeout}. */
    public static List<ConsumerRecord<String, String>> await(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                           int count, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && found.size() < count) {
                consumer.poll(Duration.ofMillis(250)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        if (found.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
                    + " but found " + found.size());
        }
        return found;
    }

    /** Everything matching on the topic now, read to its end (for asserting that something happened only once). */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                             Duration quietPeriod) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            Instant quietUntil = Instant.now().plus(quietPeriod);
            while (Instant.now().isBefore(quietUntil)) {
                var records = consumer.poll(Duration.ofMillis(250));
                if (!records.isEmpty()) {
                    quietUntil = Instant.now().plus(quietPeriod);
                }
                records.forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
            }
        }
        return found;
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
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
    public static UUID publish(String type, String key, String subject, String dataJson) {
        return publish(UUID.randomUUID(), type, key, subject, dataJson);
    }

    public static UUID publish(UUID eventId, String type, String key, String subject, String dataJson) {
        return publishTo(EventContracts.get().contract(type).topic(), eventId, type, key, subject, dataJson);
    }

    /** As {@link #publish(UUID, String, String, String, String)}, to a topic other than the contract's (a test's own). */
    public static UUID publishTo(String topic, UUID eventId, String type, String key, String subject, String dataJson) {
        List<String> violations = EventContracts.get().violations(type, dataJson);
        if (!violations.isEmpty()) {
            throw new AssertionError("The test's own event breaks the contract: " + violations);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", "1.0".getBytes(UTF_8));
        headers.add("ce_id", eventId.toString().getBytes(UTF_8));
        headers.add("ce_type", type.getBytes(UTF_8));
        headers.add("ce_source", "/test".getBytes(UTF_8));
        headers.add("ce_time", Instant.now().toString().getBytes(UTF_8));
        headers.add("ce_subject", subject.getBytes(UTF_8));
        headers.add("content-type", "application/json".getBytes(UTF_8));
        sendRaw(new ProducerRecord<>(topic, null, key, dataJson, headers));
        return eventId;
    }

    /** Sends a record exactly as given, contract or not (for poison-message tests). */
    public static void sendRaw(ProducerRecord<String, String> record) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to the test broker", e.getCause());
        }
    }
}
