package dk.clinic.system;

import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.ServiceProcess;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.ThrowawayPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

/**
 * The local token issuer signs tokens for well-known users (admin/admin among them): a built service that listens on a
 * network address never offers it, and one told to refuses to start.
 */
class SafeDefaultsSystemTest {

    @Test
    void onANetworkAddressTheLocalIssuerIsOffAndCannotBeTurnedOn() throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("system-tests/target/safe-defaults");
        Files.createDirectories(work);
        IssuerKeys keys = IssuerKeys.testIssuer(work.resolve("issuer"));
        String broker = TestInfrastructure.get().broker().bootstrapServers();
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            try (ServiceProcess exposed = ServiceProcess.start(root, "booking-service", work.resolve("exposed"),
                    postgres.jdbcUrl(), broker, keys, Map.of("QUARKUS_HTTP_HOST", "0.0.0.0"))) {
                given().baseUri(exposed.url()).formParam("username", "admin").formParam("password", "admin")
                        .post("/auth/token").then().statusCode(404).contentType("application/problem+json");
            }
            assertThatThrownBy(() -> ServiceProcess.start(root, "booking-service", work.resolve("refused"),
                    postgres.jdbcUrl(), broker, keys, Map.of("QUARKUS_HTTP_HOST", "0.0.0.0", "CLINIC_LOCAL_ISSUER", "true")))
                    .hasMessageContaining("exited during start-up")
                    .hasMessageContaining("must not be reachable from a network");
            try (ServiceProcess local = ServiceProcess.start(root, "booking-service", work.resolve("local"),
                    postgres.jdbcUrl(), broker, keys)) {
                given().baseUri(local.url()).formParam("username", "admin").formParam("password", "admin")
                        .post("/auth/token").then().statusCode(200).body(containsString("access_token"));
            }
        }
    }
}
