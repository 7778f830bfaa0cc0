package dk.clinic.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * A CloudEvent read from a Kafka record in binary content mode ({@code ce_*} headers, JSON value).
 *
 * @param id      the CloudEvents id; the consumer's deduplication key
 * @param type    e.g. {@code clinic.booking.patient.registered.v1}
 * @param subject the id of the thing the event is about
 * @param data    the JSON data
 */
public record InboundEvent(UUID id, String type, String source, String subject, Instant time, String key,
                           JsonNode data) {

    /** Reads the envelope; a record that is not a well-formed clinic CloudEvent can never succeed on retry. */
    public static InboundEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            UUID id = UUID.fromString(header(record, "ce_id", where));
            Instant time = Instant.parse(header(record, "ce_time", where));
            JsonNode data = json.readTree(record.value() == null ? "" : record.value());
            if (data == null || !data.isObject()) {
                throw new MalformedEventException(where + ": the value is not a JSON object");
            }
            return new InboundEvent(id, header(record, "ce_type", where), header(record, "ce_source", where),
                    header(record, "ce_subject", where), time, record.key(), data);
        } catch (IllegalArgumentException | DateTimeParseException | JsonProcessingException e) {
            throw new MalformedEventException(where + ": " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name, String where) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedEventException(where + ": CloudEvents attribute " + name + " is missing");
        }
        return new String(header.value(), UTF_8);
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
