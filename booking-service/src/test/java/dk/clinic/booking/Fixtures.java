package dk.clinic.booking;

import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates what a story needs through the public API, as a receptionist or admin would. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String patientJson(String givenName, String familyName) {
        return """
                {"givenName":"%s","familyName":"%s","birthDate":"1971-04-12","email":"karen@example.dk",
                 "phone":"+45 20 12 34 56","preferredLanguage":"da","reminderConsent":true}"""
                .formatted(givenName, familyName);
    }

    public static UUID registerPatient(String givenName, String familyName) {
        return UUID.fromString(given().header("Authorization", Tokens.receptionist())
                .contentType(ContentType.JSON).body(patientJson(givenName, familyName))
                .post("/api/patients")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID addPractitioner(String name) {
        return UUID.fromString(given().header("Authorization", Tokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"profession\":\"physiotherapist\"}".formatted(name))
                .post("/api/practitioners")
                .then().statusCode(201).extract().path("id"));
    }
}
