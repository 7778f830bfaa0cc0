package dk.clinic.booking.outbox;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The scheduled relay stays off so a test can run relays by hand, as several instances would. */
public class RelayDisabledProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("clinic.outbox.relay-enabled", "false", "clinic.outbox.batch-size", "7");
    }
}
