package dk.clinic.booking.operations;

import dk.clinic.booking.Fixtures;
import dk.clinic.testing.CapturedLog;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OperationsTest {

    /** The management interface's root, {@code /q/} on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void readinessIsTheDatabaseAndShowsTheBrokerWithoutDependingOnIt() {
        given().get(management + "health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "event-broker"))
                .body("checks.find { it.name == 'event-broker' }.data.reachable", equalTo(true));
        given().get(management + "health/live").then().statusCode(200);
    }

    @Test
    void metricsAndApiDocumentationAreServedOnTheManagementInterfaceOnly() {
        given().get(management + "metrics").then().statusCode(200)
                .body(containsString("clinic_outbox_pending")).body(containsString("clinic_broker_reachable"));
        given().get(management + "openapi").then().statusCode(200).body(containsString("/api/patients"));
        given().get(management + "swagger-ui/").then().statusCode(200);
        // the clinic's network reaches the API port: none of them is there
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void anExpectedRefusalIsAnAnswerNotAWarningInTheLog() {
        String name = Fixtures.unique("Twin");
        String practitioner = "{\"name\":\"%s\",\"profession\":\"osteopath\",\"modalities\":[]}".formatted(name);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(practitioner)
                .post("/api/practitioners").then().statusCode(201);
        try (CapturedLog log = CapturedLog.capture()) {
            given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(practitioner)
                    .post("/api/practitioners").then().statusCode(409).body("type", containsString("name-taken"));
            assertThat(log.warningsExceptFrom("org.apache.kafka")).as("a name taken is the clinic's business, not an operator's").isEmpty();
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        given().header("X-Request-Id", "desk-3-call-17").get("/api/patients")
                .then().statusCode(401).header("X-Request-Id", "desk-3-call-17");
    }

    @Test
    void bookingsRoleCannotReadTheTreatmentSchema() throws SQLException {
        String url = TestInfrastructure.get().database().jdbcUrl();
        try (Connection booking = DriverManager.getConnection(url, "booking_svc", "booking")) {
            assertThatThrownBy(() -> booking.createStatement().executeQuery("select * from treatment.processed_event"))
                    .hasMessageContaining("permission denied for schema treatment");
        }
    }
}
