package dk.clinic.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What the web app itself refuses, before anything reaches a service: each refusal is problem details with a status a
 * client can act on, never a 500. The services are not running here (their addresses lead nowhere).
 */
@QuarkusTest
class WebRefusalsTest {

    @Test
    void aPathThatClimbsOutOfTheServiceOrHoldsOddCharactersIsNoService() {
        for (String path : new String[] {"/api/booking/..%2F..%2Fq%2Fmetrics", "/api/booking/%2e%2e/q/health",
                "/api/booking/patients/..", "/api/booking/a%20b", "/api/booking/%00", "/api/billing/patients"}) {
            given().urlEncodingEnabled(false).get(path)
                    .then().statusCode(404).contentType(Problems.MEDIA_TYPE)
                    .body("type", equalTo("https://clinic.example/problems/not-found"));
        }
    }

    @Test
    void anAddressUnderApiThatNamesNoServiceCallIsNotFound() {
        for (String path : new String[] {"/api", "/api/booking", "/api/booking/"}) {
            given().get(path).then().statusCode(404).contentType(Problems.MEDIA_TYPE)
                    .body("type", equalTo("https://clinic.example/problems/not-found"));
        }
    }

    @Test
    void aCallToAServiceWithoutASessionAsksForSignIn() {
        given().get("/api/booking/patients")
                .then().statusCode(401).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo("https://clinic.example/problems/unauthenticated"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenOrFromAnotherSiteIsRefused() {
        given().contentType(ContentType.JSON).body("{}").post("/api/booking/patients")
                .then().statusCode(403).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo("https://clinic.example/problems/csrf-token-missing"));
        given().header("Origin", "https://elsewhere.example").contentType(ContentType.JSON).body("{}")
                .post("/api/booking/patients")
                .then().statusCode(403).body("type", equalTo("https://clinic.example/problems/cross-site-request"));
    }

    @Test
    void aSignInBodyThatIsNotTheRightJsonIsNamed() {
        given().contentType(ContentType.JSON).body("{\"username\":").post("/session/local")
                .then().statusCode(400).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo("https://clinic.example/problems/invalid-body"));
        given().contentType(ContentType.JSON).body("{\"username\":{\"a\":1},\"password\":\"x\"}").post("/session/local")
                .then().statusCode(400).contentType(Problems.MEDIA_TYPE)
                .body("errors.field", hasItem("username"));
        given().contentType(ContentType.JSON).body("{\"username\":\" \"}").post("/session/local")
                .then().statusCode(400).body("type", equalTo("https://clinic.example/problems/invalid-request"));
        given().contentType(ContentType.TEXT).body("rita").post("/session/local")
                .then().statusCode(415).contentType(Problems.MEDIA_TYPE);
        given().contentType(ContentType.JSON).body("{}").patch("/session")
                .then().statusCode(405).contentType(Problems.MEDIA_TYPE);
    }

    @Test
    void signingInWhileBookingServiceIsAwaySaysSoAndToTryAgain() {
        given().contentType(ContentType.JSON).body("{\"username\":\"rita\",\"password\":\"rita\"}").post("/session/local")
                .then().statusCode(503).contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo("https://clinic.example/problems/service-unavailable"));
    }

    @Test
    void whoIsSignedInIsNobodyWithoutASession() {
        given().get("/session").then().statusCode(200).body("signIn", equalTo("local")).body("user", equalTo(null));
    }
}
