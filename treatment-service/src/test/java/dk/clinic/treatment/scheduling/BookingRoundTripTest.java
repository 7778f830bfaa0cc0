package dk.clinic.treatment.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.EventType;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * treatment-service's half of the round trip with booking-service, on the real broker: scheduling requests go out,
 * booking's appointment events (published here exactly as booking publishes them, checked against the contract)
 * come back, duplicated and out of order.
 */
@QuarkusTest
class BookingRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Plan(UUID patient, UUID plan, UUID course) {
    }

    private static Plan planWith(String course) throws Exception {
        UUID patient = Fixtures.knownPatient("Round", "Trip");
        UUID episode = UUID.fromString(Fixtures.openEpisode(patient, Fixtures.CLEAR_SCREEN).then().statusCode(201)
                .extract().path("id"));
        UUID plan = UUID.fromString(Fixtures.createPlan(episode, "[" + course + "]").then().statusCode(201)
                .extract().path("id"));
        UUID courseId = UUID.fromString(given().header("Authorization", Tokens.practitioner())
                .get("/api/plans/{id}", plan).then().extract().path("courses[0].id"));
        return new Plan(patient, plan, courseId);
    }

    private static String appointment(Plan plan, UUID appointment, String status, int version, String start) {
        return """
                {"appointmentId":"%s","patientId":"%s","appointmentTypeId":"%s","appointmentType":"shockwave",
                 "modality":"radial_shockwave","practitionerId":"%s","start":"%s","end":"%s","status":"%s",
                 "version":%d,"planId":"%s","courseId":"%s"%s}"""
                .formatted(appointment, plan.patient(), UUID.randomUUID(), UUID.randomUUID(), start,
                        start.replace(":00:00Z", ":20:00Z"), status, version, plan.plan(), plan.course(),
                        status.equals("cancelled") ? ",\"cancellation\":{\"by\":\"patient\",\"reason\":\"Ill\",\"late\":false}" : "");
    }

    private static UUID publish(Plan plan, UUID appointment, String status, int version, String start) {
        return KafkaTestClient.publish(EventType.named("clinic.booking.appointment." + status + ".v1").orElseThrow(),
                plan.patient().toString(),
                appointment.toString(), appointment(plan, appointment, status, version, start));
    }

    @Test
    void aNewCourseAsksBookingForItsSessionsWithOnlyWhatSchedulingNeeds() throws Exception {
        Plan plan = planWith("{\"modality\":\"radial_shockwave\",\"autoBook\":true}");

        ConsumerRecord<String, String> request = KafkaTestClient.await(Topic.TREATMENT_SCHEDULING,
                r -> plan.course().toString().equals(header(r, "ce_subject")), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(request.key()).isEqualTo(plan.patient().toString());
        assertThat(EventContracts.get().violations(header(request, "ce_type"), request.value())).isEmpty();
        JsonNode data = JSON.readTree(request.value());
        assertThat(data.path("sessions").asInt()).isEqualTo(3);
        assertThat(data.path("intervalDays").asInt()).isEqualTo(7);
        assertThat(data.path("deviceNeeded").asBoolean()).isTrue();
        assertThat(data.path("autoBook").asBoolean()).isTrue();
        assertThat(data.path("reason").asText()).isEqualTo("course_created");
        assertThat(request.value()).doesNotContain("impulses").doesNotContain("Round");
    }

    @Test
    void aFulfilledAppointmentBecomesOneSessionAwaitingItsRecordEvenWhenBookingSaysSoTwiceOrOutOfOrder() throws Exception {
        Plan plan = planWith("{\"modality\":\"radial_shockwave\"}");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        publish(plan, first, "booked", 0, "2026-11-02T08:00:00Z");
        UUID fulfilled = publish(plan, first, "fulfilled", 2, "2026-11-02T08:00:00Z");
        KafkaTestClient.publish(fulfilled, EventType.APPOINTMENT_FULFILLED, plan.patient().toString(),
                first.toString(), appointment(plan, first, "fulfilled", 2, "2026-11-02T08:00:00Z"));
        // the fulfilment of the second arrives before its booking and its arrival
        publish(plan, second, "fulfilled", 2, "2026-11-09T08:00:00Z");
        publish(plan, second, "arrived", 1, "2026-11-09T08:00:00Z");
        publish(plan, second, "booked", 0, "2026-11-09T08:00:00Z");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.practitioner()).get("/api/adherence/{id}", plan.plan())
                        .then().statusCode(200)
                        .body("[0].fulfilled", equalTo(2))
                        .body("[0].booked", equalTo(0))
                        .body("[0].adherencePercent", equalTo(100)));
        UUID episode = UUID.fromString(given().header("Authorization", Tokens.practitioner())
                .get("/api/plans/{id}", plan.plan()).then().extract().path("episodeId"));
        given().header("Authorization", Tokens.practitioner()).get("/api/timeline/{id}", episode).then()
                .statusCode(200)
                .body("sessions", hasSize(2))
                .body("sessions.status", org.hamcrest.Matchers.everyItem(equalTo("awaiting_record")))
                .body("plan.courses[0].sessionsDelivered", equalTo(2));
    }

    @Test
    void aCancelledSessionCountsAgainstAdherenceAndIsAskedForAgainWhenThePlanSaysSo() throws Exception {
        Plan plan = planWith("{\"modality\":\"dry_needling\",\"replaceMissed\":true}");
        UUID appointment = UUID.randomUUID();
        publish(plan, appointment, "booked", 0, "2026-12-07T09:00:00Z");
        publish(plan, appointment, "cancelled", 1, "2026-12-07T09:00:00Z");

        List<ConsumerRecord<String, String>> requests = KafkaTestClient.await(Topic.TREATMENT_SCHEDULING,
                r -> plan.course().toString().equals(header(r, "ce_subject")), 2, Duration.ofSeconds(30));
        JsonNode replacement = JSON.readTree(requests.get(1).value());
        assertThat(replacement.path("reason").asText()).isEqualTo("replacement");
        assertThat(replacement.path("sessions").asInt()).isEqualTo(1);
        given().header("Authorization", Tokens.practitioner()).get("/api/adherence/{id}", plan.plan())
                .then().statusCode(200).body("[0].cancelled", equalTo(1)).body("[0].adherencePercent", equalTo(0));
    }
}
