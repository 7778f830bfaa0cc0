package dk.clinic.reporting.statistics;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MeanEstimateTest {

    @Test
    void textbookSampleGivesMeanSdAndTInterval() {
        // mean 40/8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32, sd = sqrt(32/7) = 2.138090;
        // t(0.975, 7) = 2.364624, standard error = 2.138090 / sqrt(8) = 0.755929, half-width = 1.787488
        MeanEstimate estimate = MeanEstimate.of(2, 4, 4, 4, 5, 5, 7, 9);

        assertThat(estimate.n()).isEqualTo(8);
        assertThat(estimate.mean()).isCloseTo(5.0, within(1e-12));
        assertThat(estimate.standardDeviation()).isCloseTo(2.138090, within(1e-6));
        assertThat(estimate.lower()).isCloseTo(3.2125, within(1e-4));
        assertThat(estimate.upper()).isCloseTo(6.7875, within(1e-4));
        assertThat(estimate.lower()).isCloseTo(5 - 1.787488, within(1e-6));
        assertThat(estimate.upper()).isCloseTo(5 + 1.787488, within(1e-6));
        assertThat(estimate.hasInterval()).isTrue();
    }

    @Test
    void aggregatesGiveTheSameEstimateAsTheValues() {
        // 2+4+4+4+5+5+7+9 = 40; 4+16+16+16+25+25+49+81 = 232
        assertThat(MeanEstimate.of(8, 40, 232)).isEqualTo(MeanEstimate.of(2, 4, 4, 4, 5, 5, 7, 9));
    }

    @Test
    void twoValuesUseTheWideTWithOneDegreeOfFreedom() {
        // mean 2, sd sqrt(2), t(0.975, 1) = tan(0.475 pi) = 12.706205, half-width = 12.706205 * sqrt(2) / sqrt(2)
        MeanEstimate estimate = MeanEstimate.of(1, 3);

        assertThat(estimate.standardDeviation()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(estimate.lower()).isCloseTo(2 - 12.706205, within(1e-5));
        assertThat(estimate.upper()).isCloseTo(2 + 12.706205, within(1e-5));
    }

    @Test
    void oneValueHasAMeanButNoSpreadOrInterval() {
        MeanEstimate estimate = MeanEstimate.of(7.5);

        assertThat(estimate).isEqualTo(new MeanEstimate(1, 7.5, null, null, null));
        assertThat(estimate.hasInterval()).isFalse();
        assertThat(MeanEstimate.of(1, 7.5, 56.25)).isEqualTo(estimate);
    }

    @Test
    void noValuesHaveNoMeanEither() {
        assertThat(MeanEstimate.of()).isEqualTo(new MeanEstimate(0, null, null, null, null));
        assertThat(MeanEstimate.of(0, 0, 0).mean()).isNull();
    }

    @Test
    void identicalValuesHaveZeroSpreadAndAPointInterval() {
        MeanEstimate estimate = MeanEstimate.of(4.0, 4.0, 4.0);

        assertThat(estimate.standardDeviation()).isZero();
        assertThat(estimate.lower()).isEqualTo(4.0);
        assertThat(estimate.upper()).isEqualTo(4.0);
    }

    @Test
    void threeIntegerArgumentsAreAggregatesNotValues() {
        // n = 4, sum = 4, sum of squares = 4: four values of 1
        assertThat(MeanEstimate.of(4, 4, 4)).isEqualTo(MeanEstimate.of(1.0, 1.0, 1.0, 1.0));
    }

    @Test
    void threeHundredThousandScoresNear100KeepTheirSmallSpread() {
        // half 99.9, half 100.0: mean 99.95, sd = 0.05 * sqrt(300000 / 299999) = 0.05000008,
        // half-width = 1.959966 * 0.05 / sqrt(300000) = 0.00017892
        double[] values = new double[300_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 2 == 0 ? 99.9 : 100.0;
        }

        MeanEstimate estimate = MeanEstimate.of(values);

        assertThat(estimate.mean()).isCloseTo(99.95, within(1e-9));
        assertThat(estimate.standardDeviation()).isCloseTo(0.05000008, within(1e-7));
        assertThat(estimate.upper() - estimate.mean()).isCloseTo(0.00017892, within(1e-8));
        assertThat(estimate.mean() - estimate.lower()).isCloseTo(0.00017892, within(1e-8));
    }

    @Test
    void threeHundredThousandEqualScoresNeverGiveANegativeVariance() {
        double[] values = new double[300_000];
        Arrays.fill(values, 73.3);

        MeanEstimate estimate = MeanEstimate.of(values);

        assertThat(estimate.standardDeviation()).isNotNaN().isBetween(0.0, 1e-5);
        assertThat(estimate.lower()).isNotNaN().isCloseTo(73.3, within(1e-6));
        assertThat(estimate.upper()).isNotNaN().isCloseTo(73.3, within(1e-6));
    }

    @Test
    void rejectsImpossibleInput() {
        assertThatThrownBy(() -> MeanEstimate.of(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanEstimate.of(0, 3, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanEstimate.of(2, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanEstimate.of(1.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
