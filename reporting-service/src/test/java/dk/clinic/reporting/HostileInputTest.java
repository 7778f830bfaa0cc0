package dk.clinic.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dk.clinic.testing.hostile.HostileInputs;
import dk.clinic.testing.hostile.ServiceUnderTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of reporting-service's OpenAPI document, tried with hostile input as a role it admits. See
 * {@link HostileInputs} for what is sent and what must hold.
 */
@QuarkusTest
class HostileInputTest {

    @TestHTTPResource("/")
    URL api;

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noHostileInputGetsAServerErrorAnAnswerWithoutProblemDetailsOrAWriteBehindAnError() throws Exception {
        HostileInputs.Report report = ServiceUnderTest.of("reporting-service", "reporting", api, management,
                HostileInputTest::known, schema -> { }).probe();

        assertThat(report.failures()).as("see target/hostile-input-reporting-service.txt").isEmpty();
        assertThat(report.operations()).as("operations tried").isGreaterThanOrEqualTo(8);
    }

    private static Optional<JsonNode> known(String name, String path) {
        return switch (name) {
            case "from" -> Optional.of(TextNode.valueOf("2031-01-01"));
            case "to" -> Optional.of(TextNode.valueOf("2031-12-31"));
            case "modality" -> Optional.of(TextNode.valueOf("dry_needling"));
            default -> Optional.empty();
        };
    }
}
