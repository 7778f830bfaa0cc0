package dk.clinic.booking.operations;

import dk.clinic.testing.OpenApiContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/** The API a client's integrator builds on is the committed contract file, and nothing else. */
@QuarkusTest
class OpenApiContractTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theServedOpenApiDocumentIsTheCommittedContract() throws Exception {
        assertThat(OpenApiContract.drift(management.toString().replaceAll("/q/?$", ""), "booking-service"))
                .as("differences from contracts/openapi/booking-service.json (the served one is in target/; after a "
                        + "deliberate change run with -Dclinic.contracts.update=true)")
                .isEmpty();
    }
}
