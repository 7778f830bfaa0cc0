package dk.clinic.reporting;

import dk.clinic.testing.OpenApiContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;

/** The API a client's integrator builds on is the committed contract file, and nothing else. */
@QuarkusTest
class OpenApiContractTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void theServedOpenApiDocumentIsTheCommittedContract() throws Exception {
        OpenApiContract.requireServedIsCommitted(management, "reporting-service");
    }
}
