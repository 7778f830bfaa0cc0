package dk.clinic.treatment.outcome;

import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.Tokens;
import dk.clinic.treatment.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class OutcomeRecordingTest {

    private static Response record(UUID episode, String instrument, String timepoint, String answers) {
        return given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body("""
                        {"episodeId":"%s","instrument":"%s","timepoint":"%s","measuredOn":"%s","answers":%s}"""
                        .formatted(episode, instrument, timepoint, AdjustableClock.today(java.time.ZoneOffset.UTC), answers))
                .post("/api/outcomes");
    }

    @Test
    void firstStepPainFallingFromSevenToFourReachesTheMinimalClinicallyImportantChange() {
        UUID episode = Fixtures.episode("Outcome");
        record(episode, "nrs_first_step_pain", "baseline", "{\"value\":7}").then().statusCode(201)
                .body("scores[0].scale", equalTo("nrs_first_step_pain"))
                .body("scores[0].value", equalTo(7.0f))
                .body("answers.value", equalTo(7));
        record(episode, "nrs_first_step_pain", "week_4", "{\"value\":4}").then().statusCode(201);

        given().header("Authorization", Tokens.practitioner())
                .queryParam("episode", episode).queryParam("responder", "mcic")
                .get("/api/outcomes/progress").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].baseline", equalTo(7.0f))
                .body("[0].latest", equalTo(4.0f))
                .body("[0].latestTimepoint", equalTo("week_4"))
                .body("[0].change.mcicReached", equalTo(true))
                .body("[0].responder", equalTo(true));
        given().header("Authorization", Tokens.practitioner())
                .queryParam("episode", episode).queryParam("responder", "pain50")
                .get("/api/outcomes/progress").then().statusCode(200)
                .body("[0].responder", equalTo(false));

        given().header("Authorization", Tokens.practitioner()).queryParam("episode", episode)
                .get("/api/outcomes/schedule").then().statusCode(200)
                .body("timepoint", contains("baseline", "week_2", "week_4", "week_6", "week_12"))
                .body("measured", contains(true, false, true, false, false));
        given().header("Authorization", Tokens.practitioner()).get("/api/timeline/{id}", episode)
                .then().statusCode(200).body("outcomes", hasSize(2));
    }

    @Test
    void aFaamWithTooFewAnsweredItemsIsNotScoredAndNothingIsStored() {
        UUID episode = Fixtures.episode("Faam");
        String adl = String.join(",", Collections.nCopies(18, "3")) + ",null,null,null";
        record(episode, "faam", "baseline", "{\"adl\":[" + adl + "]}").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("answers.adl"));
        String enough = String.join(",", Collections.nCopies(19, "3")) + ",null,null";
        record(episode, "faam", "baseline", "{\"adl\":[" + enough + "]}").then().statusCode(201)
                .body("scores[0].scale", equalTo("faam_adl"))
                .body("scores[0].value", equalTo(75.0f))
                .body("scores[0].answered", equalTo(19));
        given().header("Authorization", Tokens.practitioner()).queryParam("episode", episode)
                .get("/api/outcomes").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void impossibleScoresAreRefusedWithTheItemNamed() {
        UUID episode = Fixtures.episode("Range");
        record(episode, "nrs_first_step_pain", "baseline", "{\"value\":11}").then().statusCode(400)
                .body("errors[0].field", equalTo("answers.value"));
        record(episode, "vas_first_step_pain", "baseline", "{\"value\":101}").then().statusCode(400);
        record(episode, "psfs", "baseline", "{\"activities\":[{\"name\":\"Walk\",\"score\":4}]}").then().statusCode(400)
                .body("errors[0].field", equalTo("answers.activities"));
        record(episode, "nrs_first_step_pain", "week_three", "{\"value\":5}").then().statusCode(400)
                .body("errors[0].field", equalTo("timepoint"));
        record(episode, "tampa", "baseline", "{\"value\":5}").then().statusCode(400);
        record(UUID.randomUUID(), "nrs_first_step_pain", "baseline", "{\"value\":5}").then().statusCode(422);
        record(episode, "nrs_first_step_pain", "baseline", "{\"value\":5}").then().statusCode(201);
        record(episode, "nrs_first_step_pain", "baseline", "{\"value\":6}").then().statusCode(409)
                .body("errors[0].field", equalTo("timepoint"));
        given().header("Authorization", Tokens.receptionist()).queryParam("episode", episode)
                .get("/api/outcomes").then().statusCode(403);
    }
}
