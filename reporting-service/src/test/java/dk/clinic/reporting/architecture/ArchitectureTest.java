package dk.clinic.reporting.architecture;

import dk.clinic.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** reporting-service's classes keep the layout every service is read by. */
class ArchitectureTest {

    @Test
    void featuresWithoutCyclesThinResourcesAndTablesReachedOnlyThroughTheirFeature() {
        ServiceArchitecture.check("dk.clinic.reporting");
    }
}
