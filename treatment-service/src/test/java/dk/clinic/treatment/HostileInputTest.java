package dk.clinic.treatment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.Tokens;
import dk.clinic.testing.hostile.HostileInputs;
import dk.clinic.testing.hostile.ServiceUnderTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of treatment-service's OpenAPI document, tried with hostile input as a role it admits, on a patient
 * with an open episode, a dry-needling plan, a delivered session and a baseline measure. See {@link HostileInputs} for
 * what is sent and what must hold.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noHostileInputGetsAServerErrorAnAnswerWithoutProblemDetailsOrAWriteBehindAnError() throws Exception {
        Patient patient = Patient.inTreatment();

        // nothing treatment-service does after a request's commit writes to its own schema: nothing to settle
        HostileInputs.Report report = ServiceUnderTest.of("treatment-service", "treatment", api, management,
                patient::known, schema -> { }).probe();

        assertThat(report.failures()).as("see target/hostile-input-treatment-service.txt").isEmpty();
        assertThat(report.operations()).as("operations tried").isGreaterThanOrEqualTo(25);
    }

    /** The patient the bad requests are built on: an open episode, a plan with a course, a session, a measure. */
    private record Patient(UUID patient, UUID episode, UUID plan, UUID course, UUID session) {

        static Patient inTreatment() {
            UUID patient = Fixtures.knownPatient("Hostile", "Input");
            UUID episode = UUID.fromString(Fixtures.openEpisode(patient, Fixtures.CLEAR_SCREEN)
                    .then().statusCode(201).extract().path("id"));
            var plan = Fixtures.createPlan(episode, "[{\"modality\":\"dry_needling\",\"plannedSessions\":8,"
                    + "\"reviewAfterSessions\":8}]").then().statusCode(201).extract();
            UUID planId = UUID.fromString(plan.path("id"));
            UUID course = UUID.fromString(plan.path("courses[0].id"));
            UUID session = UUID.fromString(Fixtures.deliver(planId, course.toString(), null)
                    .then().statusCode(201).extract().path("id"));
            given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                    .body("""
                            {"episodeId":"%s","instrument":"nrs_first_step_pain","timepoint":"baseline",
                             "measuredOn":"%s","answers":{"value":7}}""".formatted(episode, today()))
                    .post("/api/outcomes").then().statusCode(201);
            return new Patient(patient, episode, planId, course, session);
        }

        Optional<JsonNode> known(String name, String path) {
            Object value = switch (name) {
                case "id" -> byCollection(path);
                case "patientId", "patient" -> patient;
                case "episodeId", "episode" -> episode;
                case "planId" -> plan;
                case "courseId" -> course;
                case "code" -> "hostile_probe";
                case "modality" -> "dry_needling";
                case "newModality" -> "radial_shockwave";
                case "measuredOn" -> today();
                case "appointmentId", "practitionerPreference", "deliveredAt" -> NullNode.getInstance();
                default -> null;
            };
            return switch (value) {
                case null -> Optional.empty();
                case JsonNode node -> Optional.of(node);
                default -> Optional.of(TextNode.valueOf(value.toString()));
            };
        }

        private UUID byCollection(String path) {
            return switch (path.replaceFirst("^/api/([^/]+).*", "$1")) {
                case "episodes" -> episode;
                case "plans" -> plan;
                case "sessions" -> session;
                case "patients" -> patient;
                default -> null;
            };
        }

        private static String today() {
            return AdjustableClock.today(ZoneOffset.UTC).toString();
        }
    }
}
