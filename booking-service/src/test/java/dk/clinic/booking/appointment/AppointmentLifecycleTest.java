package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AppointmentLifecycleTest {

    private static Response act(String id, String action, long version, String body) {
        var request = given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"" + version + "\"")
                .contentType(ContentType.JSON);
        return body == null ? request.post("/api/appointments/{id}/" + action, id)
                : request.body(body).post("/api/appointments/{id}/" + action, id);
    }

    @AfterEach
    void backToTheRealTime() {
        AdjustableClock.reset();
    }

    @Test
    void aPatientArrivesAndTheVisitIsFulfilledWithEveryStepInTheTrailAndOnTheTopic() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Lifecycle", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Live", "Cycle");
        Response booked = Fixtures.book(patient, type, practitioner, "2027-05-03T10:00");
        String id = booked.then().statusCode(201).extract().path("id");
        Instant start = Instant.parse(booked.path("start"));

        // months ahead, a click on the wrong line must not mark the visit
        act(id, "arrive", 0, null).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/too-early"));
        act(id, "fulfil", 0, null).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/too-early"));

        AdjustableClock.setNow(start.minus(Duration.ofMinutes(20)));
        act(id, "arrive", 7, null).then().statusCode(412);
        act(id, "arrive", 0, null).then().statusCode(200).body("status", equalTo("arrived")).header("ETag", "\"1\"");
        act(id, "no-show", 1, null).then().statusCode(409).body("currentStatus", equalTo("arrived"));
        act(id, "fulfil", 1, null).then().statusCode(200).body("status", equalTo("fulfilled"));

        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", id)
                .then().statusCode(200).body("action", contains("booked", "arrived", "fulfilled"));
        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS,
                r -> id.equals(header(r, "ce_subject")), 3, Duration.ofSeconds(30));
        assertThat(events).extracting(r -> header(r, "ce_type")).containsExactly(
                "clinic.booking.appointment.booked.v1", "clinic.booking.appointment.arrived.v1",
                "clinic.booking.appointment.fulfilled.v1");
    }

    @Test
    void aNoShowIsRecordedAndFreesThePractitioner() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("NoShow", WEEKDAYS_8_TO_16, "dry_needling");
        Response booked = Fixtures.book(Fixtures.registerPatient("Absent", "Patient"), type, practitioner,
                "2027-05-04T10:00");
        String id = booked.then().statusCode(201).extract().path("id");
        Instant start = Instant.parse(booked.path("start"));

        AdjustableClock.setNow(start.minus(Duration.ofMinutes(5)));
        act(id, "no-show", 0, null).then().statusCode(409).body("type", org.hamcrest.Matchers.endsWith("/not-started"));
        AdjustableClock.setNow(start.plus(Duration.ofMinutes(15)));
        act(id, "no-show", 0, null).then().statusCode(200).body("status", equalTo("noshow"));
        AdjustableClock.reset();
        Fixtures.book(Fixtures.registerPatient("Other", "Patient"), type, practitioner, "2027-05-04T10:00")
                .then().statusCode(201);
        act(id, "fulfil", 1, null).then().statusCode(409).body("type", org.hamcrest.Matchers.containsString("invalid-transition"));
    }

    @Test
    void aCancellationInsideTheNoticeIsLateAndOneWellAheadIsNot() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Notice", Fixtures.EVERY_DAY, "dry_needling");
        UUID patient = Fixtures.registerPatient("Late", "Canceller");
        LocalDate tomorrow = AdjustableClock.today(ZoneId.of("Europe/Copenhagen")).plusDays(1);
        // the clinic's notice is 24 hours: tomorrow at 23:00 local is at most 47 hours away, so pick 'soon' by search
        String soon = given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("practitioner", practitioner)
                .queryParam("from", tomorrow.minusDays(1).toString()).queryParam("to", tomorrow.toString())
                .queryParam("limit", 1)
                .get("/api/slots").then().statusCode(200).extract().path("[0].localStart");
        String near = Fixtures.book(patient, type, practitioner, soon).then().statusCode(201).extract().path("id");
        String far = Fixtures.book(patient, type, practitioner, tomorrow.plusDays(30) + "T10:00")
                .then().statusCode(201).extract().path("id");

        act(near, "cancel", 0, "{\"by\":\"patient\",\"reason\":\"Ill\"}").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("cancellation.by", equalTo("patient"))
                .body("cancellation.late", equalTo(true));
        act(far, "cancel", 0, "{\"by\":\"patient\",\"reason\":\"Holiday\"}").then().statusCode(200)
                .body("cancellation.late", equalTo(false));
        act(far, "cancel", 1, "{\"by\":\"patient\",\"reason\":\"Again\"}").then().statusCode(409);
        act(far, "cancel", 1, "{\"by\":\"nobody\"}").then().statusCode(400);

        ConsumerRecord<String, String> cancelled = KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS,
                r -> near.equals(header(r, "ce_subject"))
                        && "clinic.booking.appointment.cancelled.v1".equals(header(r, "ce_type")),
                1, Duration.ofSeconds(30)).getFirst();
        assertThat(cancelled.value()).contains("\"late\": true");
    }

    @Test
    void reschedulingMovesTheAppointmentKeepsItsHistoryAndFreesTheOldTime() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Mover", WEEKDAYS_8_TO_16, "dry_needling");
        String id = Fixtures.book(Fixtures.registerPatient("Moving", "Patient"), type, practitioner, "2027-05-05T10:00")
                .then().statusCode(201).extract().path("id");
        Fixtures.book(Fixtures.registerPatient("Blocking", "Patient"), type, practitioner, "2027-05-05T14:00")
                .then().statusCode(201);

        act(id, "reschedule", 0, "{\"start\":\"2027-05-05T14:15\"}").then().statusCode(409)
                .body("resource.kind", equalTo("practitioner"));
        act(id, "reschedule", 0, "{\"start\":\"2027-05-05T11:00\",\"reason\":\"Patient asked\"}")
                .then().statusCode(200).body("localStart", equalTo("2027-05-05T11:00")).header("ETag", "\"1\"");
        Fixtures.book(Fixtures.registerPatient("Taking", "OldTime"), type, practitioner, "2027-05-05T10:00")
                .then().statusCode(201);

        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", id)
                .then().statusCode(200)
                .body("action", contains("booked", "rescheduled"))
                .body("[1].details.from", equalTo("2027-05-05T08:00:00Z"))
                .body("[1].details.to", equalTo("2027-05-05T09:00:00Z"))
                .body("[1].details.reason", equalTo("Patient asked"));
        given().header("Authorization", Tokens.receptionist())
                .queryParam("practitioner", practitioner).queryParam("from", "2027-05-05").queryParam("to", "2027-05-05")
                .get("/api/appointments").then().statusCode(200)
                .header("X-Total-Count", "3").body("$", hasSize(3))
                .body("localStart", contains("2027-05-05T10:00", "2027-05-05T11:00", "2027-05-05T14:00"));
    }
}
