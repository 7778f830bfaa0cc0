package dk.clinic.platform.observability;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.CloudEventRecords;
import dk.clinic.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String GIVEN = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    @AfterEach
    void leave() {
        TraceContext.leave();
    }

    @Test
    void aGivenTraceGoesOnWithASpanOfOurOwn() {
        TraceContext.enter(GIVEN);

        assertThat(TraceContext.traceIdOf(TraceContext.current())).isEqualTo(TRACE_ID);
        assertThat(TraceContext.current()).isNotEqualTo(GIVEN).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
    }

    @Test
    void withoutATraceOrWithAMalformedOneANewTraceStarts() {
        for (String given : new String[]{null, "", "garbage", "01-" + TRACE_ID + "-00f067aa0ba902b7-01",
                "00-" + "0".repeat(32) + "-00f067aa0ba902b7-01", "00-" + TRACE_ID + "-" + "0".repeat(16) + "-01",
                "00-" + TRACE_ID.toUpperCase() + "-00f067aa0ba902b7-01"}) {
            TraceContext.enter(given);
            String traceId = TraceContext.traceIdOf(TraceContext.current());
            assertThat(traceId).as("for %s", given).isNotNull().isNotEqualTo(TRACE_ID).isNotEqualTo("0".repeat(32));
        }
    }

    @Test
    void anEventCarriesItsTraceAsTheCloudEventsExtensionAndTheConsumerReadsIt() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> sent = CloudEventRecords.toRecord("booking.patients", "key",
                CloudEventRecords.event(id, "clinic.booking.patient.registered.v1", "/booking-service", "s",
                        Instant.now(), "{\"patientId\":\"x\"}".getBytes(UTF_8), GIVEN));
        assertThat(new String(sent.headers().lastHeader("ce_traceparent").value(), UTF_8)).isEqualTo(GIVEN);

        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>("booking.patients", 0, 0, "key", sent.value());
        sent.headers().forEach(header -> received.headers().add(header));
        assertThat(InboundEvent.from(received, new ObjectMapper()).traceParent()).isEqualTo(GIVEN);
    }
}
