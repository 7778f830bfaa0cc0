package dk.clinic.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Sets aside an event this service cannot take: the record as it came (key, value, CloudEvents headers) goes to the
 * service's dead-letter topic ({@code clinic.events.dead-letter-topic}) with {@code dead-letter-reason},
 * {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}
 * headers, and is counted in {@code clinic_events_dead_lettered_total}. It returns only once the broker has the
 * record: the intake moves past an event only when it is applied or set aside.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Counter deadLettered;

    DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                @ConfigProperty(name = "quarkus.application.name") String applicationName,
                @ConfigProperty(name = "clinic.events.dead-letter-topic") String topic,
                MeterRegistry meters) {
        this.topic = topic;
        this.deadLettered = meters.counter("clinic.events.dead_lettered");
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** @throws IllegalStateException when the broker did not take the record within a minute (the intake tries again) */
    void send(ConsumerRecord<String, byte[]> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add("dead-letter-reason", bytes(reason.getMessage() == null ? reason.toString() : reason.getMessage()));
        Throwable cause = rootOf(reason);
        headers.add("dead-letter-cause", bytes(cause.getClass().getName() + ": " + cause.getMessage()));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The dead-letter topic " + topic + " did not take " + where(record), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting aside " + where(record), e);
        }
        deadLettered.increment();
        LOG.errorf("Event at %s set aside on %s: %s", where(record), topic, reason.getMessage());
    }

    /** Where a record is, e.g. {@code booking.patients-0@41}, for log lines and reasons. */
    static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close(Duration.ofSeconds(5));
    }

    private static byte[] bytes(String text) {
        String bounded = text == null ? "" : text.length() > 2000 ? text.substring(0, 2000) : text;
        return bounded.getBytes(UTF_8);
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
