package dk.clinic.treatment.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reporting-service is told about an episode's course of care: each event honours its contract, carries the
 * facts reporting needs (session numbers, first-step pain, scores with their direction and MCIC) and none of the
 * clinical text (notes, reasons, raw answers).
 */
@QuarkusTest
class ReportingEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anEpisodeFromOpeningToClosingIsPublishedAsTheContractSaysWithoutClinicalText() throws Exception {
        UUID patient = Fixtures.knownPatient("Reported", "Patient");
        String episode = Fixtures.openEpisode(patient, Fixtures.CLEAR_SCREEN).then().statusCode(201)
                .extract().path("id");
        var plan = Fixtures.createPlan(UUID.fromString(episode),
                "[{\"modality\":\"dry_needling\",\"plannedSessions\":4,\"reviewAfterSessions\":2}]")
                .then().statusCode(201).extract();
        UUID planId = UUID.fromString(plan.path("id"));
        String course = plan.path("courses[0].id");
        Fixtures.deliver(planId, course, null).then().statusCode(201);
        String second = Fixtures.deliver(planId, course, null).then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.practitioner()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("""
                        {"details":{"muscles":["soleus"],"points":3,"twitchResponses":1},"adverseEvents":[],
                         "notes":"Private note","firstStepPain":4}""")
                .put("/api/sessions/{id}/record", second).then().statusCode(200);
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body("""
                        {"episodeId":"%s","instrument":"vas_first_step_pain","timepoint":"baseline",
                         "measuredOn":"%s","answers":{"value":72}}""".formatted(episode, LocalDate.now()))
                .post("/api/outcomes").then().statusCode(201);
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .header("If-Match", "\"" + Fixtures.version("/api/plans/{id}", planId) + "\"")
                .body("""
                        {"courseId":"%s","decision":"switch","newModality":"radial_shockwave",
                         "reason":"No change after two sessions"}""".formatted(course))
                .post("/api/plans/{id}/reviews", planId).then().statusCode(200);
        given().header("Authorization", Tokens.practitioner()).header("If-Match",
                        "\"" + Fixtures.version("/api/episodes/{id}", episode) + "\"").contentType(ContentType.JSON)
                .post("/api/episodes/{id}/close", episode).then().statusCode(200);

        JsonNode opened = published(Topic.TREATMENT_EPISODES, "clinic.treatment.episode.opened.v1", episode);
        assertThat(opened.path("condition").asText()).isEqualTo("plantar_heel_pain");
        assertThat(opened.path("redFlagPositive").asBoolean()).isFalse();
        JsonNode closed = published(Topic.TREATMENT_EPISODES, "clinic.treatment.episode.closed.v1", episode);
        assertThat(closed.path("status").asText()).isEqualTo("closed");
        assertThat(closed.path("closedAt").isTextual()).isTrue();
        assertThat(closed.path("version").asLong()).isGreaterThan(opened.path("version").asLong());

        JsonNode recorded = published(Topic.TREATMENT_SESSIONS, "clinic.treatment.session.recorded.v1", second);
        assertThat(recorded.path("sessionNumber").asInt()).isEqualTo(2);
        assertThat(recorded.path("firstStepPain").asInt()).isEqualTo(4);
        assertThat(recorded.path("episodeId").asText()).isEqualTo(episode);
        assertThat(recorded.has("notes")).isFalse();
        assertThat(recorded.has("details")).isFalse();

        JsonNode outcome = KafkaTestClient.await(Topic.TREATMENT_OUTCOMES, r -> patient.toString().equals(r.key()), 1, WAIT)
                .stream().map(ReportingEventsTest::checked).findFirst().orElseThrow();
        assertThat(outcome.path("scores").get(0).path("scale").asText()).isEqualTo("vas_first_step_pain");
        assertThat(outcome.path("scores").get(0).path("value").asDouble()).isEqualTo(72.0);
        assertThat(outcome.path("scores").get(0).path("betterIs").asText()).isEqualTo("lower");
        assertThat(outcome.path("scores").get(0).path("mcic").asDouble()).isEqualTo(19.0);
        assertThat(outcome.has("answers")).isFalse();

        JsonNode decided = published(Topic.TREATMENT_PLANS, "clinic.treatment.plan.review-decided.v1", planId.toString());
        assertThat(decided.path("decision").asText()).isEqualTo("switch");
        assertThat(decided.path("newModality").asText()).isEqualTo("radial_shockwave");
        assertThat(decided.path("sessionsDelivered").asInt()).isEqualTo(2);
        assertThat(decided.has("reason")).isFalse();

        // the plan's versions: created, switched (a second course), discontinued with the episode
        var versions = KafkaTestClient.await(Topic.TREATMENT_PLANS, r -> planId.toString().equals(header(r, "ce_subject"))
                && "clinic.treatment.plan.changed.v1".equals(header(r, "ce_type")), 3, WAIT);
        JsonNode last = versions.stream().map(ReportingEventsTest::checked)
                .max(java.util.Comparator.comparingInt(node -> node.path("planVersion").asInt())).orElseThrow();
        assertThat(last.path("status").asText()).isEqualTo("discontinued");
        assertThat(last.path("courses")).hasSize(2);
        assertThat(last.path("courses").get(1).path("modality").asText()).isEqualTo("radial_shockwave");
        assertThat(last.has("goals")).isFalse();
    }

    private static JsonNode published(Topic topic, String type, String subject) {
        return checked(KafkaTestClient.await(topic, r -> subject.equals(header(r, "ce_subject"))
                && type.equals(header(r, "ce_type")), 1, WAIT).getFirst());
    }

    private static JsonNode checked(ConsumerRecord<String, String> record) {
        assertThat(EventContracts.get().violations(header(record, "ce_type"), record.value()))
                .as(header(record, "ce_type")).isEmpty();
        try {
            return JSON.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
