package dk.clinic.platform.rest;

import dk.clinic.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** If-Match against the version a thing has now: who may change it, and what the others are told. No server. */
class VersionsTest {

    @Test
    void theVersionReadIsTheETagToSendBack() {
        assertThat(Versions.etag(7).getValue()).isEqualTo("7");
        assertThatNoException().isThrownBy(() -> Versions.requireCurrent("\"7\"", 7, "Appointment"));
        assertThatNoException().isThrownBy(() -> Versions.requireCurrent("W/\"7\"", 7, "Appointment"));
        assertThatNoException().isThrownBy(() -> Versions.requireCurrent(" 7 ", 7, "Appointment"));
    }

    @Test
    void withoutIfMatchTheAnswerIs428NamingTheHeaderAndTheCurrentVersion() {
        assertThatThrownBy(() -> Versions.requireCurrent(null, 3, "Patient"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(428);
                    assertThat(e.getMessage()).contains("patient's ETag");
                });
        assertThatThrownBy(() -> Versions.requireCurrent("  ", 3, "Patient"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void anyVersionIsNotAVersion() {
        assertThatThrownBy(() -> Versions.requireCurrent("*", 3, "Plan"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(428);
                    assertThat(e.getMessage()).contains("* is not accepted");
                });
    }

    @Test
    void aVersionSomeoneElseHasChangedSinceIs412() {
        assertThatThrownBy(() -> Versions.requireCurrent("\"2\"", 3, "Plan"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> Versions.requireCurrent("\"banana\"", 3, "Plan"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(412));
    }
}
