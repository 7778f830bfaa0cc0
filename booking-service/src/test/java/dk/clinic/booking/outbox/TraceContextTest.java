package dk.clinic.booking.outbox;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.Topic;
import dk.clinic.platform.observability.TraceContext;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** One trace id follows a change from the receptionist's request into the event other services receive. */
@QuarkusTest
class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CALLERS_SPAN = "00f067aa0ba902b7";

    @Test
    void theEventOfARequestCarriesTheRequestsTraceIdWithASpanOfOurOwn() {
        UUID patient = UUID.fromString(given().header("Authorization", Tokens.receptionist())
                .header("traceparent", "00-" + TRACE_ID + "-" + CALLERS_SPAN + "-01")
                .contentType(ContentType.JSON).body(Fixtures.patientJson("Sporet", "Spansen"))
                .post("/api/patients")
                .then().statusCode(201).extract().path("id"));

        String traceParent = traceParentOfEventFor(patient);

        assertThat(TraceContext.traceIdOf(traceParent)).as("the caller's trace goes on").isEqualTo(TRACE_ID);
        assertThat(traceParent).doesNotContain(CALLERS_SPAN);
    }

    @Test
    void aRequestWithoutATraceOrWithAMalformedOneStartsANewTrace() {
        UUID patient = UUID.fromString(given().header("Authorization", Tokens.receptionist())
                .header("traceparent", "00-" + "0".repeat(32) + "-" + CALLERS_SPAN + "-01")
                .contentType(ContentType.JSON).body(Fixtures.patientJson("Usporet", "Spansen"))
                .post("/api/patients")
                .then().statusCode(201).extract().path("id"));

        String traceId = TraceContext.traceIdOf(traceParentOfEventFor(patient));

        assertThat(traceId).as("a well-formed traceparent of a new trace").isNotNull().isNotEqualTo("0".repeat(32));
    }

    private static String traceParentOfEventFor(UUID patient) {
        ConsumerRecord<String, String> event = KafkaTestClient.await(Topic.BOOKING_PATIENTS,
                r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(30)).getFirst();
        return KafkaTestClient.header(event, "ce_traceparent");
    }
}
