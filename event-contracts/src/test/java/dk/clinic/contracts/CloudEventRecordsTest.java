package dk.clinic.contracts;

import dk.clinic.contracts.CloudEventRecords.UnreadableEventException;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The codec writes what the contract's header schema asks for, and reads back exactly what it wrote. */
class CloudEventRecordsTest {

    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID PATIENT = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:30.123Z");
    private static final byte[] DATA = "{\"patientId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\"}".getBytes(UTF_8);

    private final CloudEvent event = CloudEventRecords.event(ID, EventType.PATIENT_REGISTERED.type(),
            "/booking-service", PATIENT.toString(), AT, DATA);

    @Test
    void aRecordCarriesTheAttributesAsTheHeadersTheContractNames() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("booking.patients", PATIENT.toString(), event);

        assertThat(record.topic()).isEqualTo("booking.patients");
        assertThat(record.key()).isEqualTo(PATIENT.toString());
        assertThat(record.value()).isEqualTo(DATA);
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), UTF_8));
        }
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", ID.toString())
                .containsEntry("ce_type", "clinic.booking.patient.registered.v1")
                .containsEntry("ce_source", "/booking-service")
                .containsEntry("ce_subject", PATIENT.toString())
                .containsEntry("content-type", "application/json");
        assertThat(Instant.parse(headers.get("ce_time"))).isEqualTo(AT);
        assertThat(EventContracts.get().headerViolations(headers)).isEmpty();
    }

    @Test
    void whatIsWrittenIsReadBack() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("booking.patients", PATIENT.toString(), event);

        CloudEvent read = CloudEventRecords.fromRecord(record.headers(), record.value());

        assertThat(read.getId()).isEqualTo(ID.toString());
        assertThat(read.getType()).isEqualTo("clinic.booking.patient.registered.v1");
        assertThat(read.getSource()).isEqualTo(URI.create("/booking-service"));
        assertThat(read.getSubject()).isEqualTo(PATIENT.toString());
        assertThat(read.getTime().toInstant()).isEqualTo(AT);
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getData().toBytes()).isEqualTo(DATA);
    }

    @Test
    void aRecordThatIsNoCloudEventIsRefused() {
        assertThatThrownBy(() -> CloudEventRecords.fromRecord(new RecordHeaders(), DATA))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aCloudEventWithoutAnIdIsRefused() {
        RecordHeaders headers = headers();
        headers.remove("ce_id");

        assertThatThrownBy(() -> CloudEventRecords.fromRecord(headers, DATA))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("id");
    }

    @Test
    void aCloudEventWhoseTimeIsNoTimeIsRefused() {
        RecordHeaders headers = headers();
        headers.remove("ce_time");
        headers.add("ce_time", "yesterday".getBytes(UTF_8));

        assertThatThrownBy(() -> CloudEventRecords.fromRecord(headers, DATA))
                .isInstanceOf(UnreadableEventException.class);
    }

    private RecordHeaders headers() {
        return (RecordHeaders) CloudEventRecords.toRecord("booking.patients", PATIENT.toString(), event).headers();
    }
}
