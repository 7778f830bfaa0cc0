package dk.clinic.contracts;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The one codec between a clinic event and a Kafka record: CloudEvents 1.0 in binary content mode (attributes as
 * {@code ce_*} headers, JSON data as the record value), written and read by the CloudEvents Java SDK. The outbox
 * relay, the consumers, the tests and the benchmarks all go through here.
 */
public final class CloudEventRecords {

    public static final String JSON = "application/json";
    /** The CloudEvents distributed-tracing extension: the W3C traceparent of the work that recorded the event. */
    public static final String TRACE_PARENT = "traceparent";

    private CloudEventRecords() {
    }

    /**
     * A clinic event: the id is the consumers' deduplication key, the source the producing service
     * ({@code /booking-service}), the subject the id of the thing the event is about, the data JSON.
     */
    public static CloudEvent event(UUID id, String type, String source, String subject, Instant time, byte[] json) {
        return event(id, type, source, subject, time, json, null);
    }

    /**
     * As {@link #event(UUID, String, String, String, Instant, byte[])}, carrying the W3C trace context of the work that
     * recorded it as the CloudEvents distributed-tracing extension {@value #TRACE_PARENT} (header
     * {@code ce_traceparent}) when {@code traceParent} is not null.
     */
    public static CloudEvent event(UUID id, String type, String source, String subject, Instant time, byte[] json,
                                   String traceParent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withType(type)
                .withSource(URI.create(source))
                .withSubject(subject)
                .withTime(time.atOffset(ZoneOffset.UTC))
                .withData(JSON, json);
        if (traceParent != null) {
            builder.withExtension(TRACE_PARENT, traceParent);
        }
        return builder.build();
    }

    /** The record for {@code event} on {@code topic}, keyed so that one key's events keep their order. */
    public static ProducerRecord<String, byte[]> toRecord(String topic, String key, CloudEvent event) {
        return KafkaMessageFactory.<String>createWriter(topic, key).writeBinary(event);
    }

    /**
     * The event a record carries.
     *
     * @throws UnreadableEventException when the record is not a CloudEvent, lacks a required attribute or carries
     *                                  one the specification does not allow (a time that is no time)
     */
    public static CloudEvent fromRecord(Headers headers, byte[] value) {
        try {
            return KafkaMessageFactory.createReader(headers, value).toEvent();
        } catch (CloudEventRWException | IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableEventException(e.getMessage(), e);
        }
    }

    /** A record that cannot be read as a CloudEvent; retrying cannot help. */
    public static final class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
