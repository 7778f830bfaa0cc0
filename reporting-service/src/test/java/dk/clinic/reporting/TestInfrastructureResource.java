package dk.clinic.reporting;

import dk.clinic.testing.ClinicInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;

/** Every test in this module runs against the real PostgreSQL and Kafka broker from test-support. */
@QuarkusTestResource(value = ClinicInfrastructure.class, restrictToAnnotatedClass = false)
public class TestInfrastructureResource {
}
