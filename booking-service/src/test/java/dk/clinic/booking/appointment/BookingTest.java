package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class BookingTest {

    @Test
    void aShockwaveBookingHoldsPractitionerRoomAndDeviceAndIsAnnouncedUnderThePatientsKey() {
        String roomKind = Fixtures.code("room");
        String deviceKind = Fixtures.code("shockwave");
        UUID room = Fixtures.room(roomKind);
        UUID device = Fixtures.device(deviceKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 20, 0, 10, roomKind, deviceKind);
        UUID practitioner = Fixtures.practitioner("Mette", WEEKDAYS_8_TO_16, "radial_shockwave");
        UUID patient = Fixtures.registerPatient("Jens", "Booked");

        String id = Fixtures.book(patient, type, practitioner, "2027-02-01T09:00")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("status", equalTo("booked"))
                .body("start", equalTo("2027-02-01T08:00:00Z"))
                .body("end", equalTo("2027-02-01T08:20:00Z"))
                .body("localStart", equalTo("2027-02-01T09:00"))
                .body("roomId", equalTo(room.toString()))
                .body("deviceId", equalTo(device.toString()))
                .extract().path("id");

        ConsumerRecord<String, String> record = KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS,
                r -> id.equals(header(r, "ce_subject")), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(record.key()).isEqualTo(patient.toString());
        assertThat(header(record, "ce_type")).isEqualTo("clinic.booking.appointment.booked.v1");
        assertThat(EventContracts.get().violations(header(record, "ce_type"), record.value())).isEmpty();
        assertThat(record.value()).contains(device.toString()).contains("radial_shockwave");

        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", id)
                .then().statusCode(200).body("action", hasItem("booked")).body("by", hasItem("rita"));
    }

    @Test
    void theCleaningBufferKeepsTheNextPatientOutOfTheRoom() {
        String roomKind = Fixtures.code("room");
        Fixtures.room(roomKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 20, 0, 10, roomKind, null);
        UUID mette = Fixtures.practitioner("Mette", WEEKDAYS_8_TO_16, "radial_shockwave");
        UUID ole = Fixtures.practitioner("Ole", WEEKDAYS_8_TO_16, "radial_shockwave");

        Fixtures.book(Fixtures.registerPatient("A", "First"), type, mette, "2027-02-02T09:00").then().statusCode(201);
        Fixtures.book(Fixtures.registerPatient("B", "Second"), type, ole, "2027-02-02T09:20")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("resource.kind", equalTo("room"))
                .body("alternatives", hasSize(3))
                .body("alternatives[0].localStart", equalTo("2027-02-02T09:30"));
        Fixtures.book(Fixtures.registerPatient("C", "Third"), type, ole, "2027-02-02T09:30").then().statusCode(201);
    }

    @Test
    void aTakenPractitionerIsNamedWithTheNextFreeTimes() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Søren", WEEKDAYS_8_TO_16, "dry_needling");
        Fixtures.book(Fixtures.registerPatient("Anne", "First"), type, practitioner, "2027-02-03T10:00")
                .then().statusCode(201);

        Fixtures.book(Fixtures.registerPatient("Bent", "Second"), type, practitioner, "2027-02-03T10:15")
                .then().statusCode(409)
                .body("type", containsString("resource-taken"))
                .body("resource.kind", equalTo("practitioner"))
                .body("resource.id", equalTo(practitioner.toString()))
                .body("alternatives.localStart", hasItem("2027-02-03T10:30"));
    }

    @Test
    void impossibleRequestsAreRefusedByFieldAndBookNothing() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Lene", WEEKDAYS_8_TO_16, "dry_needling");
        UUID osteopath = Fixtures.practitioner("Otto", WEEKDAYS_8_TO_16, "osteopathy");
        UUID patient = Fixtures.registerPatient("Carl", "Wrong");

        Fixtures.book(patient, type, practitioner, "2027-02-06T10:00")
                .then().statusCode(422).body("type", containsString("outside-working-hours"))
                .body("errors[0].field", equalTo("start"));
        Fixtures.book(patient, type, practitioner, "2027-02-04T15:45")
                .then().statusCode(422).body("errors[0].field", equalTo("start"));
        Fixtures.book(patient, type, practitioner, "2027-02-04T12:15") // inside the lunch break
                .then().statusCode(422);
        Fixtures.book(patient, type, osteopath, "2027-02-04T10:00")
                .then().statusCode(422).body("errors[0].field", equalTo("practitionerId"))
                .body("errors[0].reason", containsString("dry_needling"));
        Fixtures.book(UUID.randomUUID(), type, practitioner, "2027-02-04T10:00")
                .then().statusCode(422).body("errors[0].field", equalTo("patientId"));
        Fixtures.book(patient, UUID.randomUUID(), practitioner, "2027-02-04T10:00")
                .then().statusCode(422).body("errors[0].field", equalTo("appointmentTypeId"));
        Fixtures.book(patient, type, practitioner, "2020-02-04T10:00")
                .then().statusCode(422).body("errors[0].reason", equalTo("is in the past"));
        Fixtures.book(patient, type, practitioner, "tomorrow morning")
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("{\"patientId\":\"%s\",\"appointmentTypeId\":42}".formatted(patient))
                .post("/api/appointments")
                .then().statusCode(400).contentType("application/problem+json").body("requestId", notNullValue());

        given().header("Authorization", Tokens.receptionist())
                .get("/api/appointments?patient={p}", patient)
                .then().statusCode(200).header("X-Total-Count", "0").body("$", hasSize(0));
    }
}
