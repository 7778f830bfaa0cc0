package dk.clinic.system;

import dk.clinic.testing.Tokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.clinic.system.Arrange.created;
import static dk.clinic.system.Arrange.etag;
import static dk.clinic.system.Arrange.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The round trip between the two running services, through their REST APIs and the real broker only: a
 * practitioner's plan reaches the reception as a scheduling request, the booked series comes back to the plan, a
 * fulfilled appointment becomes a session to record, a cancellation counts against adherence and is asked for again,
 * and the end of the plan flags what is left for the reception. Nothing here publishes an event or touches a table.
 */
@ExtendWith(RunningClinic.Started.class)
class RoundTripSystemTest {

    private static Arrange arrange;

    @BeforeAll
    static void start() {
        arrange = new Arrange(RunningClinic.get());
    }

    private static RequestSpecification booking(String token) {
        return arrange.booking(token);
    }

    private static RequestSpecification treatment(String token) {
        return arrange.treatment(token);
    }

    private static void advance(String appointment, String step) {
        booking(Tokens.receptionist()).header("If-Match", etag(booking(Tokens.receptionist())
                        .get("/api/appointments/{id}", appointment)))
                .post("/api/appointments/{id}/" + step, appointment).then().statusCode(200);
    }

    @Test
    void aPlanTravelsToTheReceptionAndItsAppointmentsComeBackAsSessionsAdherenceAndFlags() {
        // booking-service: the clinic lead sets up needling; the reception registers the patient
        UUID practitioner = arrange.practitioner("Pia Nålsen", Arrange.EVERY_DAY, "dry_needling");
        UUID type = created(booking(Tokens.admin()).body("""
                {"code":"dn30","name":{"da":"Dry needling","nb":"Dry needling","en":"Dry needling"},
                 "durationMinutes":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":5,"modality":"dry_needling"}""")
                .post("/api/appointment-types"));
        UUID patient = arrange.patient("Karen", "Hælsen");

        // treatment-service learns of the patient from booking's event, then the practitioner plans needling
        UUID episode = arrange.episode(patient);
        UUID plan = created(treatment(Tokens.practitioner()).body("""
                {"episodeId":"%s","goals":["Walk 30 minutes without heel pain"],
                 "courses":[{"modality":"dry_needling","plannedSessions":4,"intervalDays":7,"replaceMissed":true}]}"""
                .formatted(episode)).post("/api/plans"));

        // 1-2: the reception sees an open request with what scheduling needs and nothing clinical
        Map<String, Object> request = arrange.openRequest(plan, "course_created");
        assertThat(request).containsEntry("patientId", patient.toString()).containsEntry("modality", "dry_needling")
                .containsEntry("sessions", 4).containsEntry("intervalDays", 7);
        assertThat(request.toString()).doesNotContain("plantar").doesNotContain("heel");

        // the first session at the earliest free time a few minutes ahead, so that it can be seen at once; then weekly
        Instant notBefore = Instant.now().plus(Duration.ofMinutes(5));
        List<Map<String, Object>> slots = booking(Tokens.receptionist()).queryParam("type", type)
                .queryParam("from", today().toString()).queryParam("to", today().plusDays(1).toString())
                .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("$");
        Object firstStart = slots.stream().filter(slot -> Instant.parse((String) slot.get("start")).isAfter(notBefore))
                .findFirst().orElseThrow().get("localStart");
        booking(Tokens.receptionist()).body("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"%s","count":4,
                 "intervalDays":7,"schedulingRequestId":"%s"}""".formatted(patient, type, practitioner, firstStart,
                        request.get("id")))
                .post("/api/series").then().statusCode(201);
        List<String> appointments = booking(Tokens.receptionist()).queryParam("patient", patient)
                .get("/api/appointments").then().statusCode(200).body("$", hasSize(4))
                .extract().path("id");

        // 3: the plan sees its four booked sessions
        await().atMost(Arrange.EVENTUAL).untilAsserted(() -> treatment(Tokens.practitioner())
                .get("/api/adherence/{plan}", plan).then().statusCode(200)
                .body("[0].plannedSessions", equalTo(4)).body("[0].booked", equalTo(4)));

        // 3: the first appointment is fulfilled at the desk and becomes a session waiting for its record
        advance(appointments.get(0), "arrive");
        advance(appointments.get(0), "fulfil");
        await().atMost(Arrange.EVENTUAL).untilAsserted(() -> treatment(Tokens.practitioner())
                .get("/api/timeline/{episode}", episode).then().statusCode(200)
                .body("sessions", hasSize(1))
                .body("sessions[0].appointmentId", equalTo(appointments.get(0)))
                .body("sessions[0].status", equalTo("awaiting_record")));
        String session = treatment(Tokens.practitioner()).get("/api/timeline/{episode}", episode)
                .then().extract().path("sessions[0].id");
        treatment(Tokens.practitioner()).header("If-Match", etag(treatment(Tokens.practitioner())
                        .get("/api/sessions/{id}", session)))
                .body("""
                        {"details":{"muscles":["gastrocnemius medial","soleus"],"points":4,"twitchResponses":3},
                         "adverseEvents":[{"kind":"soreness","days":2}],"notes":"Calf very tender","firstStepPain":6}""")
                .put("/api/sessions/{id}/record", session).then().statusCode(200);
        treatment(Tokens.practitioner()).get("/api/timeline/{episode}", episode).then()
                .body("sessions[0].status", equalTo("recorded"))
                .body("sessions[0].firstStepPain", equalTo(6))
                .body("plan.courses[0].sessionsDelivered", equalTo(1));

        // 4: the patient cancels the second; adherence counts it and the plan asks for a replacement
        booking(Tokens.receptionist()).header("If-Match", etag(booking(Tokens.receptionist())
                        .get("/api/appointments/{id}", appointments.get(1))))
                .body("{\"by\":\"patient\",\"reason\":\"Ill\"}")
                .post("/api/appointments/{id}/cancel", appointments.get(1)).then().statusCode(200);
        await().atMost(Arrange.EVENTUAL).untilAsserted(() -> treatment(Tokens.practitioner())
                .get("/api/adherence/{plan}", plan).then().statusCode(200)
                .body("[0].fulfilled", equalTo(1)).body("[0].cancelled", equalTo(1))
                .body("[0].booked", equalTo(2)).body("[0].adherencePercent", equalTo(50)));
        Map<String, Object> replacement = arrange.openRequest(plan, "replacement");
        assertThat(replacement).containsEntry("sessions", 1);

        // 5: the practitioner ends the plan; booking flags the two appointments left, and deletes nothing
        treatment(Tokens.practitioner()).header("If-Match", etag(treatment(Tokens.practitioner())
                        .get("/api/plans/{id}", plan)))
                .body("{\"reason\":\"Patient moved away\"}")
                .post("/api/plans/{id}/discontinue", plan).then().statusCode(200);
        await().atMost(Arrange.EVENTUAL).untilAsserted(() -> booking(Tokens.receptionist())
                .queryParam("patient", patient).queryParam("flagged", true)
                .get("/api/appointments").then().statusCode(200)
                .body("id", equalTo(appointments.subList(2, 4)))
                .body("status", everyItem(equalTo("booked")))
                .body("flag", everyItem(equalTo("plan_closed")))
                .body("flagReason", everyItem(equalTo("Treatment plan discontinued"))));
        booking(Tokens.receptionist()).get("/api/scheduling-requests/{id}", replacement.get("id"))
                .then().statusCode(200).body("status", equalTo("closed"));
        booking(Tokens.receptionist()).queryParam("patient", patient).get("/api/appointments")
                .then().body("$", hasSize(4));
    }

    @Test
    void aPlanThatAsksForItIsBookedWithoutTheReceptionOnTheDeviceItNeeds() {
        UUID practitioner = arrange.practitioner("Søren Stødbølge", Arrange.WEEKDAYS_8_TO_16, "radial_shockwave");
        UUID unit = created(booking(Tokens.admin()).body("{\"name\":\"Shockwave 1\",\"deviceKind\":\"radial_shockwave\"}")
                .post("/api/devices"));
        created(booking(Tokens.admin()).body("""
                {"code":"rsw20","name":{"da":"Trykbølge","nb":"Trykkbølge","en":"Shockwave"},"durationMinutes":20,
                 "bufferBeforeMinutes":0,"bufferAfterMinutes":10,"modality":"radial_shockwave",
                 "deviceKind":"radial_shockwave"}""").post("/api/appointment-types"));
        UUID patient = arrange.patient("Jens", "Akilles");
        UUID episode = arrange.episode(patient);
        UUID plan = created(treatment(Tokens.practitioner()).body("""
                {"episodeId":"%s","goals":["Run 5 km without pain"],
                 "courses":[{"modality":"radial_shockwave","autoBook":true,"practitionerPreference":"%s"}]}"""
                .formatted(episode, practitioner)).post("/api/plans"));

        await().atMost(Arrange.EVENTUAL).untilAsserted(() -> treatment(Tokens.practitioner())
                .get("/api/adherence/{plan}", plan).then().statusCode(200)
                .body("[0].plannedSessions", equalTo(3)).body("[0].booked", equalTo(3)));
        booking(Tokens.receptionist()).queryParam("patient", patient).get("/api/appointments").then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("practitionerId", everyItem(equalTo(practitioner.toString())))
                .body("deviceId", everyItem(equalTo(unit.toString())))
                .body("planId", everyItem(equalTo(plan.toString())));
    }
}
