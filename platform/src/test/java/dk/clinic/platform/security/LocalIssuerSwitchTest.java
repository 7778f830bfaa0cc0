package dk.clinic.platform.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalIssuerSwitchTest {

    @Test
    void byDefaultTheIssuerIsOnOnlyOnLoopbackOrInTheDevProfile() {
        assertThat(LocalIssuerSwitch.decide("auto", "127.0.0.1", false)).isTrue();
        assertThat(LocalIssuerSwitch.decide("auto", "localhost", false)).isTrue();
        assertThat(LocalIssuerSwitch.decide("auto", "::1", false)).isTrue();
        assertThat(LocalIssuerSwitch.decide("auto", "0.0.0.0", false)).isFalse();
        assertThat(LocalIssuerSwitch.decide("auto", "10.0.0.7", false)).isFalse();
        assertThat(LocalIssuerSwitch.decide("auto", "clinic.example", false)).isFalse();
        assertThat(LocalIssuerSwitch.decide("auto", "0.0.0.0", true)).isTrue();
    }

    @Test
    void askedForOnANetworkAddressTheServiceRefusesToStart() {
        assertThat(LocalIssuerSwitch.decide("true", "127.0.0.1", false)).isTrue();
        assertThatThrownBy(() -> LocalIssuerSwitch.decide("true", "0.0.0.0", false))
                .hasMessageContaining("must not be reachable from a network").hasMessageContaining("0.0.0.0");
        assertThatThrownBy(() -> LocalIssuerSwitch.decide("yes", "127.0.0.1", false))
                .hasMessageContaining("auto, true or false");
    }

    @Test
    void turnedOffItStaysOff() {
        assertThat(LocalIssuerSwitch.decide("false", "127.0.0.1", true)).isFalse();
    }
}
