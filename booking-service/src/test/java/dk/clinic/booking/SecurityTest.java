package dk.clinic.booking;

import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SecurityTest {

    @Test
    void withoutATokenNothingIsShown() {
        given().get("/api/patients").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().contentType(ContentType.JSON).body(Fixtures.patientJson("A", "B")).post("/api/patients")
                .then().statusCode(401);
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = Tokens.receptionist().replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");
        given().header("Authorization", forged).get("/api/patients").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body(Fixtures.patientJson("A", "B")).post("/api/patients").then().statusCode(403);
        given().header("Authorization", Tokens.analyst()).get("/api/patients").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("{\"name\":\"Niels\",\"profession\":\"osteopath\",\"modalities\":[]}").post("/api/practitioners")
                .then().statusCode(403);
        given().header("Authorization", Tokens.practitioner()).get("/api/practitioners").then().statusCode(200);
    }

    @Test
    void theLocalIssuerSignsInDocumentedUsers() {
        String token = given().formParam("username", "rita").formParam("password", "rita")
                .post("/auth/token")
                .then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("roles", hasItem("receptionist"))
                .extract().path("access_token");
        given().header("Authorization", "Bearer " + token).get("/api/patients").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"name\":\"Niels\",\"profession\":\"osteopath\",\"modalities\":[]}").post("/api/practitioners")
                .then().statusCode(403);

        given().formParam("username", "rita").formParam("password", "wrong")
                .post("/auth/token")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
