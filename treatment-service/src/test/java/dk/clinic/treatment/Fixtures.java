package dk.clinic.treatment;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Sets up a practitioner's stories through the public API (and booking's events, as booking would send them). */
public final class Fixtures {

    public static final String CLEAR_SCREEN = """
            {"noImprovement":false,"swellingRednessWarmth":false,"cannotStandOrWalk":false,"systemicDisease":false}""";

    private Fixtures() {
    }

    /** A patient booking-service registered, once treatment-service knows them. */
    public static UUID knownPatient(String givenName, String familyName) {
        UUID patient = UUID.randomUUID();
        BookingEvents.patientEvent(EventType.PATIENT_REGISTERED, patient, 0, givenName, familyName);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                        .statusCode() == 200);
        return patient;
    }

    public static Response openEpisode(UUID patient, String redFlags) {
        return given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body("""
                        {"patientId":"%s","condition":"plantar_heel_pain","side":"right","symptomWeeks":10,
                         "load":{"weightKg":88,"runs":true,"standingWork":false,"footwear":"Running shoes"},
                         "referralSource":"self","redFlags":%s}""".formatted(patient, redFlags))
                .post("/api/episodes");
    }

    public static UUID episode(String givenName) {
        return UUID.fromString(openEpisode(knownPatient(givenName, "Treated"), CLEAR_SCREEN)
                .then().statusCode(201).extract().path("id"));
    }

    public static Response createPlan(UUID episode, String courses) {
        return given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body("""
                        {"episodeId":"%s","goals":["Walk 30 minutes without heel pain"],"courses":%s}"""
                        .formatted(episode, courses))
                .post("/api/plans");
    }

    public static Response deliver(UUID plan, String course, String record) {
        return given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body(record == null ? "{\"courseId\":\"%s\"}".formatted(course)
                        : "{\"courseId\":\"%s\",\"record\":%s}".formatted(course, record))
                .post("/api/sessions");
    }

    public static long version(String path, Object id) {
        String etag = given().header("Authorization", Tokens.practitioner()).get(path, id).then().statusCode(200)
                .extract().header("ETag");
        return Long.parseLong(etag.replace("\"", ""));
    }
}
