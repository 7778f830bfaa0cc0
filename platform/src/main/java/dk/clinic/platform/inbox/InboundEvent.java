package dk.clinic.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.CloudEventRecords.UnreadableEventException;
import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.contracts.EventType;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * A clinic event read from a Kafka record by the one codec ({@link CloudEventRecords}): CloudEvents in binary mode,
 * JSON data.
 *
 * @param id      the CloudEvents id; the consumer's deduplication key
 * @param type    e.g. {@code clinic.booking.patient.registered.v1}
 * @param subject the id of the thing the event is about
 * @param data    the JSON data
 * @param traceParent the W3C traceparent of the work that recorded the event (CloudEvents extension), or null
 */
public record InboundEvent(UUID id, String type, String source, String subject, Instant time, String key,
                           JsonNode data, String traceParent) {

    /** Reads the envelope; a record that is not a well-formed clinic CloudEvent can never succeed on retry. */
    public static InboundEvent from(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        String where = DeadLetters.where(record);
        try {
            CloudEvent event = CloudEventRecords.fromRecord(record.headers(), record.value());
            UUID id = UUID.fromString(event.getId());
            if (event.getTime() == null || event.getSubject() == null) {
                throw new MalformedEventException(where + ": the clinic's events carry a time and a subject");
            }
            JsonNode data = event.getData() == null ? null : json.readTree(event.getData().toBytes());
            if (data == null || !data.isObject()) {
                throw new MalformedEventException(where + ": the data is not a JSON object");
            }
            Object traceParent = event.getExtension(CloudEventRecords.TRACE_PARENT);
            return new InboundEvent(id, event.getType(), event.getSource().toString(), event.getSubject(),
                    event.getTime().toInstant(), record.key(), data, traceParent == null ? null : traceParent.toString());
        } catch (UnreadableEventException e) {
            throw new MalformedEventException(where + ": not a CloudEvent: " + e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            throw new MalformedEventException(where + ": " + e.getMessage());
        }
    }

    /** Whether this is an event of {@code type}. */
    public boolean is(EventType type) {
        return type.type().equals(this.type);
    }

    /** Text of a required data field. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || !node.isValueNode()) {
            throw new MalformedEventException(type + " " + id + ": data field '" + field + "' is missing");
        }
        return node.asText();
    }

    public UUID uuid(String field) {
        try {
            return UUID.fromString(text(field));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(type + " " + id + ": data field '" + field + "' is not a UUID");
        }
    }

    public long number(String field) {
        JsonNode node = data.get(field);
        if (node == null || !node.canConvertToLong()) {
            throw new MalformedEventException(type + " " + id + ": data field '" + field + "' is not a whole number");
        }
        return node.asLong();
    }

    public Instant instant(String field) {
        try {
            return Instant.parse(text(field));
        } catch (DateTimeParseException e) {
            throw new MalformedEventException(type + " " + id + ": data field '" + field + "' is not an instant");
        }
    }
}
