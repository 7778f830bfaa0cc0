package dk.clinic.treatment.plan;

import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Fixtures;
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
                .header("If-Match", "\"" + Fixtures.version("/api/plans/{id}", plan) + "\"")
                .body(body).post("/api/plans/{id}/reviews", plan);
    }

    @Test
    void aPlanStartsFromTheCataloguesDefaults() {
        UUID episode = Fixtures.episode("Default");
        Fixtures.createPlan(episode, "[{\"modality\":\"dry_needling\"},{\"modality\":\"radial_shockwave\"}]")
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
        Fixtures.createPlan(episode, "[{\"modality\":\"taping\"}]").then().statusCode(409)
                .body("errors[0].field", equalTo("episodeId"));
    }

    @Test
    void dryNeedlingIsReviewedAfterItsFourthSessionAndContinuesOnlyAfterADecision() {
        UUID episode = Fixtures.episode("Needle");
        String planId = Fixtures.createPlan(episode, "[{\"modality\":\"dry_needling\"}]").then().statusCode(201)
                .extract().path("id");
        UUID plan = UUID.fromString(planId);
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        for (int i = 0; i < 4; i++) {
            Fixtures.deliver(plan, course, NEEDLING).then().statusCode(201).body("status", equalTo("recorded"));
        }
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("review_due")).body("courses[0].status", equalTo("review_due"))
                .body("courses[0].sessionsDelivered", equalTo(4));
        Fixtures.deliver(plan, course, NEEDLING).then().statusCode(409).body("type", containsString("review-due"));

        ConsumerRecord<String, String> due = KafkaTestClient.await(Topic.TREATMENT_PLANS,
                r -> planId.equals(header(r, "ce_subject"))
                        && "clinic.treatment.plan.review-due.v1".equals(header(r, "ce_type")), 1,
                Duration.ofSeconds(30)).getFirst();
        assertThat(header(due, "ce_type")).isEqualTo("clinic.treatment.plan.review-due.v1");
        assertThat(EventContracts.get().violations(header(due, "ce_type"), due.value())).isEmpty();

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"continue\",\"reason\":\"Less pain\"}".formatted(course))
                .then().statusCode(400).body("errors[0].field", equalTo("additionalSessions"));
        review(plan, "{\"courseId\":\"%s\",\"decision\":\"continue\",\"additionalSessions\":2,\"reason\":\"First-step pain 7 to 4\"}"
                .formatted(course)).then().statusCode(200).body("decision", equalTo("continue"));
        Fixtures.deliver(plan, course, NEEDLING).then().statusCode(201);
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
        UUID episode = Fixtures.episode("Switch");
        UUID plan = UUID.fromString(Fixtures.createPlan(episode, "[{\"modality\":\"dry_needling\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"switch\",\"newModality\":\"radial_shockwave\",\"reason\":\"No change after 3\"}"
                .formatted(course)).then().statusCode(200);
        String shockwave = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("courses.status", contains("switched", "active"))
                .extract().path("courses[1].id");
        Fixtures.deliver(plan, shockwave, "{\"details\":{\"impulses\":2000,\"frequencyHz\":10,\"barPressure\":2.5},\"firstStepPain\":5}")
                .then().statusCode(201);

        review(plan, "{\"courseId\":\"%s\",\"decision\":\"discharge\",\"reason\":\"Goal met\"}".formatted(shockwave))
                .then().statusCode(200);
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("discharged"));
        Fixtures.deliver(plan, shockwave, null).then().statusCode(409).body("type", containsString("plan-closed"));
        KafkaTestClient.await(Topic.TREATMENT_PLANS, r -> plan.toString().equals(header(r, "ce_subject"))
                && "clinic.treatment.plan.closed.v1".equals(header(r, "ce_type")), 1, Duration.ofSeconds(30));
    }

    @Test
    void closingTheEpisodeDiscontinuesItsRunningPlan() {
        UUID episode = Fixtures.episode("Closing");
        UUID plan = UUID.fromString(Fixtures.createPlan(episode, "[{\"modality\":\"taping\"}]")
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", Tokens.practitioner()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .post("/api/episodes/{id}/close", episode).then().statusCode(200).body("status", equalTo("closed"));
        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("status", equalTo("discontinued")).body("courses[0].status", equalTo("stopped"));
        KafkaTestClient.await(Topic.TREATMENT_PLANS, r -> plan.toString().equals(header(r, "ce_subject"))
                && "clinic.treatment.plan.closed.v1".equals(header(r, "ce_type")), 1, Duration.ofSeconds(30));
    }

    @Test
    void sessionDataThatDoesNotFitTheModalityIsRefusedAndWritesNothing() {
        UUID plan = UUID.fromString(Fixtures.createPlan(Fixtures.episode("Strict"), "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");

        Fixtures.deliver(plan, course, "{\"details\":{\"impulses\":2000,\"frequency\":10}}")
                .then().statusCode(400).body("errors[0].field", equalTo("record.details.frequency"));
        Fixtures.deliver(plan, course, "{\"details\":{\"impulses\":90000}}")
                .then().statusCode(400).body("errors[0].reason", containsString("at most"));
        Fixtures.deliver(plan, course, "{\"firstStepPain\":11}")
                .then().statusCode(400).body("errors[0].field", equalTo("record.firstStepPain"));
        Fixtures.deliver(plan, UUID.randomUUID().toString(), null)
                .then().statusCode(422).body("errors[0].field", equalTo("courseId"));
        Fixtures.createPlan(Fixtures.episode("Unknown"), "[{\"modality\":\"acupuncture\"}]")
                .then().statusCode(422).body("errors[0].field", equalTo("courses[0].modality"));
        Fixtures.createPlan(Fixtures.episode("Params"), "[{\"modality\":\"radial_shockwave\",\"parameters\":{\"colour\":\"red\"}}]")
                .then().statusCode(400).body("errors[0].field", equalTo("courses[0].parameters.colour"));

        given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan).then()
                .body("courses[0].sessionsDelivered", equalTo(0));
    }

    @Test
    void aPositiveRedFlagLeadsToAReferralDecisionBeforeAnyTreatment() {
        UUID patient = Fixtures.knownPatient("Red", "Flag");
        String episode = Fixtures.openEpisode(patient, """
                {"noImprovement":false,"swellingRednessWarmth":true,"cannotStandOrWalk":false,"systemicDisease":false,
                 "note":"Heel warm and red"}""")
                .then().statusCode(201)
                .body("redFlagPositive", equalTo(true))
                .body("referralDecisionRequired", equalTo(true))
                .extract().path("id");
        UUID episodeId = UUID.fromString(episode);

        Fixtures.createPlan(episodeId, "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(409).body("type", containsString("referral-decision-required"));

        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"refer\",\"reason\":\"Possible infection: GP today\"}")
                .post("/api/episodes/{id}/referral-decision", episodeId)
                .then().statusCode(200).body("referralDecision", equalTo("refer"))
                .body("referralDecisionRequired", equalTo(false));
        Fixtures.createPlan(episodeId, "[{\"modality\":\"radial_shockwave\"}]")
                .then().statusCode(409).body("type", containsString("referred"));

        UUID treated = UUID.fromString(Fixtures.openEpisode(patient, """
                {"noImprovement":true,"swellingRednessWarmth":false,"cannotStandOrWalk":false,"systemicDisease":false}""")
                .then().statusCode(201).extract().path("id"));
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body("{\"decision\":\"treat\",\"reason\":\"Slow but no warning signs on examination\"}")
                .post("/api/episodes/{id}/referral-decision", treated).then().statusCode(200);
        Fixtures.createPlan(treated, "[{\"modality\":\"exercise_programme\"}]").then().statusCode(201);
    }

    @Test
    void theTimelineShowsTheEpisodeWithItsPlanVersionsAndSessionsInOneCall() {
        UUID episode = Fixtures.episode("Timeline");
        UUID plan = UUID.fromString(Fixtures.createPlan(episode, "[{\"modality\":\"dry_needling\"}]")
                .then().statusCode(201).extract().path("id"));
        String course = given().header("Authorization", Tokens.practitioner()).get("/api/plans/{id}", plan)
                .then().extract().path("courses[0].id");
        Fixtures.deliver(plan, course, NEEDLING).then().statusCode(201);
        Fixtures.deliver(plan, course, null).then().statusCode(201).body("status", equalTo("awaiting_record"));

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
