package dk.clinic.booking.architecture;

import dk.clinic.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** booking-service's classes keep the layout every service is read by. */
class ArchitectureTest {

    @Test
    void featuresWithoutCyclesThinResourcesAndTablesReachedOnlyThroughTheirFeature() {
        ServiceArchitecture.check("dk.clinic.booking");
    }
}
