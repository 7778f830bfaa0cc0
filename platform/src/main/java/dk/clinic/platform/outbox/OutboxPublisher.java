package dk.clinic.platform.outbox;

import dk.clinic.contracts.CloudEventRecords;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary content mode ({@link CloudEventRecords}, the one codec): the
 * attributes travel as {@code ce_*} headers, the record value is the JSON data. Idempotent producer with acks from all in-sync replicas.
 */
@ApplicationScoped
public class OutboxPublisher {

    private final Producer<String, byte[]> producer;
    private final String source;
    private final Duration acknowledgementTimeout;

    OutboxPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "quarkus.application.name") String applicationName,
                    @ConfigProperty(name = "clinic.outbox.send-timeout", defaultValue = "PT10S") Duration sendTimeout) {
        this.source = "/" + applicationName;
        this.acknowledgementTimeout = sendTimeout.plusSeconds(5);
        int timeoutMs = (int) sendTimeout.toMillis();
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-outbox-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    CompletableFuture<Void> send(OutboxEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord(event.topic, event.key,
                CloudEventRecords.event(event.eventId, event.type, source, event.subject, event.occurredAt,
                        event.payload.getBytes(UTF_8), event.traceParent));
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, exception) -> {
                if (exception == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(exception);
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when the broker's metadata cannot be had within max.block.ms
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    Duration acknowledgementTimeout() {
        return acknowledgementTimeout;
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }
}
