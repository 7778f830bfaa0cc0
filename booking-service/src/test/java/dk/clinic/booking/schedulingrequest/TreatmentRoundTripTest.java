package dk.clinic.booking.schedulingrequest;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.EventType;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * booking-service's half of the round trip with treatment-service, on the real broker: treatment's events are
 * published here exactly as treatment publishes them (checked against the contract).
 */
@QuarkusTest
class TreatmentRoundTripTest {

    private record Request(UUID id, UUID patient, UUID plan, UUID course) {
    }

    private static Request request(UUID patient, String modality, int sessions, boolean autoBook) {
        return request(patient, modality, sessions, autoBook, false);
    }

    private static Request request(UUID patient, String modality, int sessions, boolean autoBook,
                                   boolean deviceNeeded) {
        return request(patient, UUID.randomUUID(), modality, sessions, autoBook, deviceNeeded);
    }

    private static Request request(UUID patient, UUID plan, String modality, int sessions, boolean autoBook,
                                   boolean deviceNeeded) {
        Request request = new Request(UUID.randomUUID(), patient, plan, UUID.randomUUID());
        String data = """
                {"requestId":"%s","planId":"%s","courseId":"%s","patientId":"%s","modality":"%s","sessions":%d,
                 "intervalDays":7,"deviceNeeded":%s,"autoBook":%s,"reason":"course_created"}"""
                .formatted(request.id(), request.plan(), request.course(), patient, modality, sessions, deviceNeeded,
                        autoBook);
        UUID eventId = KafkaTestClient.publish(EventType.SCHEDULING_REQUESTED, patient.toString(),
                request.course().toString(), data);
        // the same event delivered twice changes nothing
        KafkaTestClient.publish(eventId, EventType.SCHEDULING_REQUESTED, patient.toString(),
                request.course().toString(), data);
        return request;
    }

    /** The reception books a request as a weekly series (on the stories' calendar: see Fixtures). */
    private static Response bookSeries(UUID patient, UUID type, UUID practitioner, String firstStart, int count,
                                       Request request) {
        return given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"%s",
                         "count":%d,"intervalDays":7,"schedulingRequestId":"%s"}"""
                        .formatted(patient, type, practitioner, firstStart, count, request.id()))
                .post("/api/series");
    }

    /** treatment-service says the request's plan has ended. */
    private static void closePlan(Request request, String status, String reason) {
        KafkaTestClient.publish(EventType.PLAN_CLOSED, request.patient().toString(),
                request.plan().toString(), """
                        {"planId":"%s","episodeId":"%s","patientId":"%s","status":"%s","reason":"%s","version":3}"""
                        .formatted(request.plan(), UUID.randomUUID(), request.patient(), status, reason));
    }

    private static void awaitStatus(Request request, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.receptionist())
                        .get("/api/scheduling-requests/{id}", request.id())
                        .then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void aPlansRequestIsBookedAsASeriesByTheReceptionAndTheAppointmentsCarryThePlanBack() {
        String modality = Fixtures.code("needling");
        UUID type = Fixtures.appointmentType(modality, 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Planned", WEEKDAYS_8_TO_16, modality);
        UUID patient = Fixtures.registerPatient("Plan", "Patient");
        Request request = request(patient, modality, 4, false);
        awaitStatus(request, "open");
        given().header("Authorization", Tokens.receptionist()).get("/api/scheduling-requests")
                .then().statusCode(200).body("id", hasItem(request.id().toString()));

        bookSeries(UUID.randomUUID(), type, practitioner, "2027-06-07T09:00", 4, request).then().statusCode(422);
        bookSeries(patient, type, practitioner, "2027-06-07T09:00", 4, request).then().statusCode(201);
        awaitStatus(request, "booked");

        List<ConsumerRecord<String, String>> booked = KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS,
                r -> patient.toString().equals(r.key()), 4, Duration.ofSeconds(30));
        assertThat(booked).allSatisfy(r -> {
            assertThat(EventContracts.get().violations(header(r, "ce_type"), r.value())).isEmpty();
            assertThat(r.value()).contains(request.plan().toString()).contains(request.course().toString());
        });
        bookSeries(patient, type, practitioner, "2027-07-05T09:00", 1, request).then().statusCode(409)
                .body("errors[0].field", equalTo("schedulingRequestId"));
    }

    @Test
    void whenThePlanEndsItsRemainingAppointmentsAreFlaggedForTheReceptionNotDeleted() {
        String modality = Fixtures.code("shock");
        UUID type = Fixtures.appointmentType(modality, 20, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Ending", WEEKDAYS_8_TO_16, modality);
        UUID patient = Fixtures.registerPatient("Ending", "Plan");
        Request request = request(patient, modality, 3, false);
        awaitStatus(request, "open");
        bookSeries(patient, type, practitioner, "2027-06-08T10:00", 3, request).then().statusCode(201);

        closePlan(request, "discharged", "Goal met");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.receptionist())
                        .queryParam("patient", patient).queryParam("flagged", true)
                        .get("/api/appointments").then().statusCode(200)
                        .body("$", hasSize(3))
                        .body("status", everyItem(equalTo("booked")))
                        .body("flag", everyItem(equalTo("plan_closed")))
                        .body("flagReason", everyItem(equalTo("Treatment plan discharged"))));
    }

    @Test
    void aPlanThatAsksForItIsBookedAutomaticallyWhenASeriesFits() {
        String modality = Fixtures.code("auto");
        Fixtures.appointmentType(modality, 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Auto", WEEKDAYS_8_TO_16, modality);
        UUID patient = Fixtures.registerPatient("Auto", "Booked");
        Request request = request(patient, modality, 3, true);
        awaitStatus(request, "booked");
        given().header("Authorization", Tokens.receptionist()).queryParam("patient", patient)
                .get("/api/appointments").then().statusCode(200)
                .body("$", hasSize(3))
                .body("practitionerId", everyItem(equalTo(practitioner.toString())))
                .body("courseId", everyItem(equalTo(request.course().toString())));
    }

    @Test
    void aPlanThatNeedsADeviceIsBookedAutomaticallyWithATypeThatHoldsOne() {
        String modality = Fixtures.code("shockwave");
        Fixtures.appointmentType(modality, 20, 0, 0, null, null);
        String deviceKind = Fixtures.code("unit");
        UUID withUnit = Fixtures.appointmentType(modality, 20, 0, 10, null, deviceKind);
        UUID unit = Fixtures.device(deviceKind);
        Fixtures.practitioner("Shockwave", WEEKDAYS_8_TO_16, modality);
        UUID patient = Fixtures.registerPatient("Device", "Needed");
        Request request = request(patient, modality, 3, true, true);
        awaitStatus(request, "booked");
        given().header("Authorization", Tokens.receptionist()).queryParam("patient", patient)
                .get("/api/appointments").then().statusCode(200)
                .body("$", hasSize(3))
                .body("appointmentTypeId", everyItem(equalTo(withUnit.toString())))
                .body("deviceId", everyItem(equalTo(unit.toString())));
    }

    @Test
    void aRequestThatArrivesAfterItsPlanClosedIsNeitherOpenNorBooked() {
        String modality = Fixtures.code("late");
        UUID type = Fixtures.appointmentType(modality, 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Late", WEEKDAYS_8_TO_16, modality);
        UUID patient = Fixtures.registerPatient("Late", "Request");
        Request first = request(patient, modality, 2, false);
        awaitStatus(first, "open");
        bookSeries(patient, type, practitioner, "2027-06-09T10:00", 2, first).then().statusCode(201);
        closePlan(first, "discontinued", "Moved away");
        // booking has handled the closing once the plan's appointments are flagged
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.receptionist())
                        .queryParam("patient", patient).queryParam("flagged", true)
                        .get("/api/appointments").then().statusCode(200).body("$", hasSize(2)));

        // a replacement the plan asked for before it closed comes late, on the other topic, asking to be auto-booked
        Request late = request(patient, first.plan(), modality, 1, true, false);
        awaitStatus(late, "closed");
        given().header("Authorization", Tokens.receptionist()).queryParam("patient", patient)
                .get("/api/appointments").then().statusCode(200).body("$", hasSize(2));
        bookSeries(patient, type, practitioner, "2027-06-23T10:00", 1, late).then().statusCode(409)
                .body("errors[0].field", equalTo("schedulingRequestId"));
    }
}
