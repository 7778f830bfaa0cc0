package dk.clinic.treatment.plan;

import dk.clinic.contracts.EventContracts;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Clinic;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TreatmentPlanTest {

    private static final String NEEDLING = "{\"details\":{\"muscles\":[\"soleus\"],\"points\":3,\"twitchResponses\":2},"
            + "\"adverseEvents\":[{\"kind\":\"soreness\",\"days\":2}],\"firstStepPain\":6}";

    private static Response review(UUID plan, String body) {
        return given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + Clinic.version("/api/plans/{id}", plan) + "\"")
                .body(body).post("/api/plans/{id}/reviews", plan);
    }

    @Test
    void aPlanStartsFromTheCataloguesDefaults() {
        UUID episode = Clinic.episode("Default");
        Clinic.createPlan(episode, "[{\"modality\":\"dry_needling\"},{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(201)
                .body("status", equalTo("active"))
                .body("currentVersion", equalTo(1))
                .body("courses.modality", contains("dry_needling", "radial_shockwave"))
                .body("courses[0].plannedSessions", equalTo(4))
                .body("courses[0].intervalDays", equalTo(7))
                .body("courses[0].reviewAfterSessions", equalTo(4))
                .body("courses[1].plannedSessions", equalTo(3))
                .body("courses[1].parameters.impulses", equalTo(2000))
                .body("courses[1].parameters.frequencyHz", equalTo(10));
        Clinic.createPlan(episode, "[{\"modality\":\"taping\"}]").then().statusCode(409)
                .body("errors[0].field", equalTo("episodeId"));
    }

    @Test
    void dryNeedlingIsReviewedAfterItsFourthSessionAndContinuesOnlyAfterADecision() {
        UUID episode = Clinic.episode("Needle");
        String planId = Clinic.createPlan(episode, "[{\"modality\":\"dry_needling\"}]").then().statusCode(201)
                .extract().path("id");
        UUID plan = UUID.fromString(planId);
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        for (int i = 0; i < 4; i++) {
            Clinic.deliver(plan, course, NEEDLING).then().statusCode(201).body("status", equalTo("recorded"));
        }
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("review_due")).body("courses[0].status", equalTo("review_due"))
                .body("courses[0].sessionsDelivered", equalTo(4));
        Clinic.deliver(plan, course, NEEDLING).then().statusCode(409).body("type", containsString("review-due"));

        ConsumerRecord<String, String> due = KafkaTestClient.await("treatment.plans",
                r -> planId.equals(header(r, "ce_subject")), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(header(due, "ce_type")).isEqualTo("clinic.treatment.plan.review-due.v1");
        assertThat(EventContracts.get().violations(header(due, "ce_type"), due.value())).isEmpty();

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"continue\",\"reason\":\"Less pain\"}".formatted(course))
                .then().statusCode(400).body("errors[0].field", equalTo("additionalSessions"));
        review(plan, "{\"courseId\":\"%s\",\"decision\":\"continue\",\"additionalSessions\":2,\"reason\":\"First-step pain 7 to 4\"}"
                .formatted(course)).then().statusCode(200).body("decision", equalTo("continue"));
        Clinic.deliver(plan, course, NEEDLING).then().statusCode(201);
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("active")).body("courses[0].plannedSessions", equalTo(6));

        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}/versions", plan).then()
                .statusCode(200)
                .body("number", contains(1, 2))
                .body("[1].change", containsString("First-step pain 7 to 4"))
                .body("[1].changedBy", equalTo("paula"))
                .body("[1].snapshot.courses[0].plannedSessions", equalTo(6));
    }

    @Test
    void switchingAndDischargingAreRecordedAndAClosedPlanTakesNoMoreSessions() {
        UUID episode = Clinic.episode("Switch");
        UUID plan = UUID.fromString(Clinic.createPlan(episode, "[{\"modality\":\"dry_needling\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"switch\",\"newModality\":\"radial_shockwave\",\"reason\":\"No change after 3\"}"
                .formatted(course)).then().statusCode(200);
        String shockwave = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("courses.status", contains("switched", "active"))
                .extract().path("courses[1].id");
        Clinic.deliver(plan, shockwave, "{\"details\":{\"impulses\":2000,\"frequencyHz\":10,\"barPressure\":2.5},\"firstStepPain\":5}")
                .then().statusCode(201);

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"discharge\",\"reason\":\"Goal met\"}".formatted(shockwave))
                .then().statusCode(200);
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("discharged"));
        Clinic.deliver(plan, shockwave, null).then().statusCode(409).body("type", containsString("plan-closed"));
        KafkaTestClient.await("treatment.plans", r -> plan.toString().equals(header(r, "ce_subject"))
                && "clinic.treatment.plan.closed.v1".equals(header(r, "ce_type")), 1, Duration.ofSeconds(30));
    }

    @Test
    void closingTheEpisodeDiscontinuesItsRunningPlan() {
        UUID episode = Clinic.episode("Closing");
        UUID plan = UUID.fromString(Clinic.createPlan(episode, "[{\"modality\":\"taping\"}]")
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", Tokens.practitioner()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .post("/api/episodes/{id}/close", episode).then().statusCode(200).body("status", equalTo("closed"));
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("discontinued")).body("courses[0].status", equalTo("stopped"));
        KafkaTestClient.await("treatment.plans", r -> plan.toString().equals(header(r, "ce_subject"))
                && "clinic.treatment.plan.closed.v1".equals(header(r, "ce_type")), 1, Duration.ofSeconds(30));
    }

    @Test
    void sessionDataThatDoesNotFitTheModalityIsRefusedAndWritesNothing() {
        UUID plan = UUID.fromString(Clinic.createPlan(Clinic.episode("Strict"), "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        Clinic.deliver(plan, course, "{\"details\":{\"impulses\":2000,\"frequency\":10}}")
                .then().statusCode(400).body("errors[0].field", equalTo("record.details.frequency"));
        Clinic.deliver(plan, course, "{\"details\":{\"impulses\":90000}}")
                .then().statusCode(400).body("errors[0].reason", containsString("at most"));
        Clinic.deliver(plan, course, "{\"firstStepPain\":11}")
                .then().statusCode(400).body("errors[0].field", equalTo("record.firstStepPain"));
        Clinic.deliver(plan, UUID.randomUUID().toString(), null)
                .then().statusCode(422).body("errors[0].field", equalTo("courseId"));
        Clinic.createPlan(Clinic.episode("Unknown"), "[{\"modality\":\"acupuncture\"}]")
                .then().statusCode(422).body("errors[0].field", equalTo("courses[0].modality"));
        Clinic.createPlan(Clinic.episode("Params"), "[{\"modality\":\"radial_shockwave\",\"parameters\":{\"colour\":\"red\"}}]")
                .then().statusCode(400).body("errors[0].field", equalTo("courses[0].parameters.colour"));

        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("courses[0].sessionsDelivered", equalTo(0));
    }

    @Test
    void aPositiveRedFlagLeadsToAReferralDecisionBeforeAnyTreatment() {
        UUID patient = Clinic.knownPatient("Red", "Flag");
        String episode = Clinic.openEpisode(patient, """
                {"noImprovement":false,"swellingRednessWarmth":true,"cannotStandOrWalk":false,"systemicDisease":false,
                 "note":"Heel warm and red"}""")
                .then().statusCode(201)
                .body("redFlagPositive", equalTo(true))
                .body("referralDecisionRequired", equalTo(true))
                .extract().path("id");
        UUID episodeId = UUID.fromString(episode);

        Clinic.createPlan(episodeId, "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(409).body("type", containsString("referral-decision-required"));

        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"refer\",\"reason\":\"Possible infection: GP today\"}")
                .post("/api/episodes/{id}/referral-decision", episodeId)
                .then().statusCode(200).body("referralDecision", equalTo("refer"))
                .body("referralDecisionRequired", equalTo(false));
        Clinic.createPlan(episodeId, "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(409).body("type", containsString("referred"));

        UUID treated = UUID.fromString(Clinic.openEpisode(patient, """
                {"noImprovement":true,"swellingRednessWarmth":false,"cannotStandOrWalk":false,"systemicDisease":false}""")
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"treat\",\"reason\":\"Slow but no warning signs on examination\"}")
                .post("/api/episodes/{id}/referral-decision", treated).then().statusCode(200);
        Clinic.createPlan(treated, "[{\"modality\":\"exercise_programme\"}]").then().statusCode(201);
    }

    @Test
    void theTimelineShowsTheEpisodeWithItsPlanVersionsAndSessionsInOneCall() {
        UUID episode = Clinic.episode("Timeline");
        UUID plan = UUID.fromString(Clinic.createPlan(episode, "[{\"modality\":\"dry_needling\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");
        Clinic.deliver(plan, course, NEEDLING).then().statusCode(201);
        Clinic.deliver(plan, course, null).then().statusCode(201).body("status", equalTo("awaiting_record"));

        given().header("Authorization", Tokens.practitioner()).get("/api/timeline/{id}", episode)
                .then().statusCode(200)
                .body("episode.id", equalTo(episode.toString()))
                .body("plan.id", equalTo(plan.toString()))
                .body("planVersions", hasSize(1))
                .body("sessions", hasSize(2))
                .body("sessions[0].details.points", equalTo(3))
                .body("sessions[0].adverseEvents[0].kind", equalTo("soreness"));

        given().header("Authorization", Tokens.receptionist()).get("/api/timeline/{id}", episode).then().statusCode(403);
        given().header("Authorization", Tokens.analyst()).get("/api/episodes/{id}", episode).then().statusCode(403);
        given().get("/api/timeline/{id}", episode).then().statusCode(401);
    }
}
