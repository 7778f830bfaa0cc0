package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class AppointmentBookingTest {

    private static String booking(UUID patient, UUID practitioner, String start, String end) {
        return """
                {"patientId":"%s","practitionerId":"%s","start":"%s","end":"%s"}"""
                .formatted(patient, practitioner, start, end);
    }

    @Test
    void aBookedAppointmentIsAnnouncedUnderThePatientsKey() {
        UUID patient = Fixtures.registerPatient("Jens", "Booked");
        UUID practitioner = Fixtures.addPractitioner("Mette Fysio");

        String id = given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(patient, practitioner, "2026-12-01T09:00:00+01:00", "2026-12-01T09:45:00+01:00"))
                .post("/api/appointments")
                .then().statusCode(201)
                .body("status", equalTo("booked"))
                .body("start", equalTo("2026-12-01T08:00:00Z"))
                .extract().path("id");

        ConsumerRecord<String, String> record = KafkaTestClient.await("booking.appointments",
                r -> id.equals(header(r, "ce_subject")), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(record.key()).isEqualTo(patient.toString());
        assertThat(header(record, "ce_type")).isEqualTo("clinic.booking.appointment.booked.v1");
        assertThat(EventContracts.get().violations(header(record, "ce_type"), record.value())).isEmpty();
    }

    @Test
    void aPractitionerCannotBeBookedTwiceForOverlappingTime() {
        UUID first = Fixtures.registerPatient("Anne", "First");
        UUID second = Fixtures.registerPatient("Bent", "Second");
        UUID practitioner = Fixtures.addPractitioner("Søren Osteopat");

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(first, practitioner, "2026-12-02T10:00:00Z", "2026-12-02T10:45:00Z"))
                .post("/api/appointments").then().statusCode(201);

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(second, practitioner, "2026-12-02T10:30:00Z", "2026-12-02T11:00:00Z"))
                .post("/api/appointments")
                .then().statusCode(409).contentType("application/problem+json")
                .body("resource", equalTo(practitioner.toString()));

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(second, practitioner, "2026-12-02T10:45:00Z", "2026-12-02T11:30:00Z"))
                .post("/api/appointments").then().statusCode(201); // back to back is fine
    }

    @Test
    void impossibleRequestsAreNamed() {
        UUID patient = Fixtures.registerPatient("Carl", "Wrong");
        UUID practitioner = Fixtures.addPractitioner("Lene Kiro");

        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(patient, practitioner, "2026-12-03T10:00:00Z", "2026-12-03T09:00:00Z"))
                .post("/api/appointments")
                .then().statusCode(400).body("errors.field", hasItem("end"));
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(booking(UUID.randomUUID(), practitioner, "2026-12-03T10:00:00Z", "2026-12-03T11:00:00Z"))
                .post("/api/appointments")
                .then().statusCode(422).body("errors.field", hasItem("patientId"));
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("{\"patientId\":\"%s\",\"practitionerId\":42,\"start\":\"tomorrow\"}".formatted(patient))
                .post("/api/appointments")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
