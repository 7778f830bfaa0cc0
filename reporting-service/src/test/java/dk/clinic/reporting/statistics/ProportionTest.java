package dk.clinic.reporting.statistics;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionTest {

    @Test
    void eightOfTen() {
        // z^2/n = 0.384146; centre = (0.8 + 0.192073) / 1.384146 = 0.716742;
        // half-width = 1.959964 / 1.384146 * sqrt(0.016 + 0.009604) = 0.226578
        Proportion proportion = Proportion.wilson(8, 10);

        assertThat(proportion.share()).isEqualTo(0.8);
        assertThat(proportion.lower()).isCloseTo(0.4902, within(1e-4));
        assertThat(proportion.upper()).isCloseTo(0.9433, within(1e-4));
    }

    @Test
    void noneOfTenStillAllowsUpTo28Percent() {
        Proportion proportion = Proportion.wilson(0, 10);

        assertThat(proportion.share()).isEqualTo(0.0);
        assertThat(proportion.lower()).isEqualTo(0.0);
        assertThat(proportion.upper()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void allOfTenMirrorsNoneOfTen() {
        Proportion proportion = Proportion.wilson(10, 10);

        assertThat(proportion.share()).isEqualTo(1.0);
        assertThat(proportion.lower()).isCloseTo(1 - 0.2775, within(1e-4));
        assertThat(proportion.upper()).isEqualTo(1.0);
    }

    /** Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3 (Wilson score without correction). */
    @ParameterizedTest
    @CsvSource({
            "81, 263, 0.2553, 0.3662",
            "15, 148, 0.0624, 0.1605",
            "0, 20, 0.0000, 0.1611",
            "1, 29, 0.0061, 0.1718"
    })
    void matchesPublishedWilsonIntervals(long successes, long total, double lower, double upper) {
        Proportion proportion = Proportion.wilson(successes, total);

        assertThat(proportion.lower()).isCloseTo(lower, within(1e-4));
        assertThat(proportion.upper()).isCloseTo(upper, within(1e-4));
    }

    @Test
    void emptyGroupHasNoShare() {
        assertThat(Proportion.wilson(0, 0)).isEqualTo(new Proportion(0, 0, null, null, null));
    }

    @Test
    void usesTheNinetySevenAndAHalfPercentNormalQuantile() {
        assertThat(Proportion.Z).isCloseTo(1.959963984540054, within(1e-12));
    }

    @Test
    void rejectsMoreSuccessesThanTotalOrNegativeCounts() {
        assertThatThrownBy(() -> Proportion.wilson(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.wilson(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.wilson(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
