package dk.clinic.treatment.patient;

import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static dk.clinic.contracts.EventType.PATIENT_CHANGED;
import static dk.clinic.contracts.EventType.PATIENT_REGISTERED;
import static dk.clinic.treatment.BookingEvents.patient;
import static dk.clinic.treatment.BookingEvents.patientEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PatientReferenceTest {

    @Inject
    EntityManager entityManager;

    private static void awaitPatient(UUID id, String familyName, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", id)
                        .then().statusCode(200)
                        .body("familyName", equalTo(familyName))
                        .body("version", equalTo((int) version)));
    }

    @Test
    void aPatientRegisteredAtTheReceptionBecomesKnownToTreatment() {
        UUID patient = UUID.randomUUID();
        patientEvent(PATIENT_REGISTERED, patient, 0, "Karen", "Nielsen");
        awaitPatient(patient, "Nielsen", 0);
        given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                .then().body("givenName", equalTo("Karen")).body("preferredLanguage", equalTo("da"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        UUID patient = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaTestClient.publish(eventId, PATIENT_REGISTERED, patient.toString(), patient.toString(),
                patient(patient, 0, "Ole", "Hansen"));
        awaitPatient(patient, "Hansen", 0);

        // the same event id again, even with other data, is recognised and ignored
        KafkaTestClient.publish(eventId, PATIENT_CHANGED, patient.toString(), patient.toString(),
                patient(patient, 5, "Ole", "Duplicate"));
        patientEvent(PATIENT_CHANGED, patient, 1, "Ole", "Hansen-Berg");
        awaitPatient(patient, "Hansen-Berg", 1);

        assertThat(processedCount(eventId)).isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerState() {
        UUID patient = UUID.randomUUID();
        patientEvent(PATIENT_CHANGED, patient, 2, "Lise", "Newest");
        awaitPatient(patient, "Newest", 2);
        UUID late = patientEvent(PATIENT_REGISTERED, patient, 0, "Lise", "Oldest");
        await().atMost(Duration.ofSeconds(30)).until(() -> processedCount(late) == 1);
        awaitPatient(patient, "Newest", 2);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() {
        UUID patient = UUID.randomUUID();
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", PATIENT_REGISTERED.type().getBytes(StandardCharsets.UTF_8));
        headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        KafkaTestClient.sendRaw(new ProducerRecord<>("booking.patients", null, patient.toString(),
                "{not json", headers));
        patientEvent(PATIENT_REGISTERED, patient, 0, "Efter", "Giften");

        ConsumerRecord<String, String> dead = KafkaTestClient.await("treatment-service.dead-letter",
                r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(60)).getFirst();
        assertThat(dead.value()).isEqualTo("{not json");
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).contains("not a CloudEvent").contains("'id'");
        awaitPatient(patient, "Giften", 0);
    }

    @Test
    void anEventWhoseEffectKeepsFailingIsRetriedThenDeadLetteredWithTheDatabasesReason() {
        UUID patient = UUID.randomUUID();
        String tooLongName = patient(patient, 0, "Karen", "N".repeat(150));
        KafkaTestClient.publishBreakingTheContract(PATIENT_REGISTERED, patient.toString(), patient.toString(), tooLongName);

        ConsumerRecord<String, String> dead = KafkaTestClient.await("treatment-service.dead-letter",
                r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(60)).getFirst();
        assertThat(KafkaTestClient.header(dead, "dead-letter-reason")).isNotBlank();
        assertThat(KafkaTestClient.header(dead, "ce_id")).as("the original envelope travels along").isNotNull();
        given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                .then().statusCode(404);
    }

    @Test
    void onlyPractitionersAndAdminsSeePatients() {
        UUID patient = UUID.randomUUID();
        given().get("/api/patients/{id}", patient).then().statusCode(401);
        given().header("Authorization", Tokens.receptionist()).get("/api/patients/{id}", patient).then().statusCode(403);
        given().header("Authorization", Tokens.analyst()).get("/api/patients").then().statusCode(403);
        given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private long processedCount(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from processed_event where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
