package dk.clinic.reporting.statistics;

import dk.clinic.reporting.statistics.KaplanMeier.GroupedCount;
import dk.clinic.reporting.statistics.KaplanMeier.Observation;
import dk.clinic.reporting.statistics.KaplanMeier.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.clinic.reporting.statistics.KaplanMeier.Observation.censored;
import static dk.clinic.reporting.statistics.KaplanMeier.Observation.responded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KaplanMeierTest {

    /**
     * Worked by hand, 10 episodes:
     * <pre>
     * time  at risk  responded  censored  S(t)
     *   3     10        1          0      9/10            = 0.9
     *   4      9        1          1      0.9 * 8/9       = 0.8
     *   5      7        1          0      0.8 * 6/7       = 0.685714
     *   6      6        1          1      0.685714 * 5/6  = 0.571429
     *   8      4        0          1      0.571429
     *   9      3        1          0      0.571429 * 2/3  = 0.380952   first S <= 0.5: median 9
     *  10      2        0          1      0.380952
     *  12      1        1          0      0
     * </pre>
     */
    private static final List<Observation> HAND_WORKED = List.of(
            responded(3), responded(4), censored(4), responded(5), censored(6), responded(6),
            censored(8), responded(9), censored(10), responded(12));

    @Test
    void handWorkedCurveWithCensoring() {
        KaplanMeier curve = KaplanMeier.fromObservations(HAND_WORKED);

        assertThat(curve.steps()).extracting(Step::time).containsExactly(3, 4, 5, 6, 8, 9, 10, 12);
        assertThat(curve.steps()).extracting(Step::atRisk).containsExactly(10, 9, 7, 6, 4, 3, 2, 1);
        assertThat(curve.steps()).extracting(Step::events).containsExactly(1, 1, 1, 1, 0, 1, 0, 1);
        assertThat(curve.steps()).extracting(Step::censored).containsExactly(0, 1, 0, 1, 1, 0, 1, 0);
        double[] expected = {0.9, 0.8, 0.685714, 0.571429, 0.571429, 0.380952, 0.380952, 0.0};
        for (int i = 0; i < expected.length; i++) {
            assertThat(curve.steps().get(i).survival()).as("S at step %d", i).isCloseTo(expected[i], within(1e-6));
        }
        assertThat(curve.median()).hasValue(9);
        assertThat(curve.observations()).isEqualTo(10);
        assertThat(curve.events()).isEqualTo(6);
    }

    @Test
    void survivalAtReadsTheCurveBetweenSteps() {
        KaplanMeier curve = KaplanMeier.fromObservations(HAND_WORKED);

        assertThat(curve.survivalAt(0)).isEqualTo(1.0);
        assertThat(curve.survivalAt(2)).isEqualTo(1.0);
        assertThat(curve.survivalAt(4)).isCloseTo(0.8, within(1e-12));
        assertThat(curve.survivalAt(7)).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(curve.survivalAt(11)).isCloseTo(8.0 / 21, within(1e-12));
        assertThat(curve.survivalAt(100)).isEqualTo(0.0);
    }

    /** The 6-MP arm of Freireich et al. (1963), the classic textbook example: weeks in remission, 21 patients. */
    @Test
    void matchesTheClassicSixMercaptopurineExample() {
        KaplanMeier curve = KaplanMeier.fromCounts(List.of(
                new GroupedCount(6, 3, 1), new GroupedCount(7, 1, 0), new GroupedCount(9, 0, 1),
                new GroupedCount(10, 1, 1), new GroupedCount(11, 0, 1), new GroupedCount(13, 1, 0),
                new GroupedCount(16, 1, 0), new GroupedCount(17, 0, 1), new GroupedCount(19, 0, 1),
                new GroupedCount(20, 0, 1), new GroupedCount(22, 1, 0), new GroupedCount(23, 1, 0),
                new GroupedCount(25, 0, 1), new GroupedCount(32, 0, 2), new GroupedCount(34, 0, 1),
                new GroupedCount(35, 0, 1)));

        assertThat(curve.observations()).isEqualTo(21);
        assertThat(curve.events()).isEqualTo(9);
        assertThat(curve.survivalAt(6)).isCloseTo(0.8571, within(1e-4));
        assertThat(curve.survivalAt(7)).isCloseTo(0.8067, within(1e-4));
        assertThat(curve.survivalAt(10)).isCloseTo(0.7529, within(1e-4));
        assertThat(curve.survivalAt(13)).isCloseTo(0.6902, within(1e-4));
        assertThat(curve.survivalAt(16)).isCloseTo(0.6275, within(1e-4));
        assertThat(curve.survivalAt(22)).isCloseTo(0.5378, within(1e-4));
        assertThat(curve.survivalAt(23)).isCloseTo(0.4482, within(1e-4));
        assertThat(curve.survivalAt(35)).isCloseTo(0.4482, within(1e-4));
        assertThat(curve.median()).hasValue(23);
    }

    @Test
    void groupedCountsGiveTheSameCurveAsObservationsAndMayRepeatATime() {
        // one row per (time, outcome), as GROUP BY sessions, responded returns them
        KaplanMeier grouped = KaplanMeier.fromCounts(List.of(
                new GroupedCount(12, 1, 0), new GroupedCount(3, 1, 0), new GroupedCount(4, 1, 0),
                new GroupedCount(4, 0, 1), new GroupedCount(5, 1, 0), new GroupedCount(6, 1, 1),
                new GroupedCount(7, 0, 0), new GroupedCount(8, 0, 1), new GroupedCount(9, 1, 0),
                new GroupedCount(10, 0, 1)));

        assertThat(grouped.steps()).isEqualTo(KaplanMeier.fromObservations(HAND_WORKED).steps());
    }

    @Test
    void medianIsTheFirstTimeTheCurveReachesExactlyOneHalf() {
        // S(1) = 3/4, S(2) = 3/4 * 2/3 = 1/2
        KaplanMeier curve = KaplanMeier.fromObservations(
                List.of(responded(1), responded(2), censored(5), censored(6)));

        assertThat(curve.steps().get(1).survival()).isCloseTo(0.5, within(1e-15));
        assertThat(curve.median()).hasValue(2);
    }

    @Test
    void medianIsNotLostWhenRoundingPutsOneHalfJustAbove() {
        // S(2) = 15/22 * 11/15 = 1/2 exactly, but 0.5000000000000001 in double arithmetic
        KaplanMeier curve = KaplanMeier.fromCounts(List.of(
                new GroupedCount(1, 7, 0), new GroupedCount(2, 4, 0), new GroupedCount(3, 0, 11)));

        assertThat(curve.steps().get(1).survival()).isCloseTo(0.5, within(1e-15));
        assertThat(curve.median()).hasValue(2);
    }

    @Test
    void noMedianWhenFewerThanHalfRespond() {
        KaplanMeier curve = KaplanMeier.fromObservations(
                List.of(responded(1), censored(2), censored(3), censored(4)));

        assertThat(curve.steps()).extracting(Step::survival).containsExactly(0.75, 0.75, 0.75, 0.75);
        assertThat(curve.median()).isEmpty();
    }

    @Test
    void eventsAtATimeAreCountedBeforeCensoringsAtThatTime() {
        // both episodes are at risk at session 2: S(2) = 1 - 1/2, not 1 - 1/1
        KaplanMeier curve = KaplanMeier.fromObservations(List.of(censored(2), responded(2)));

        assertThat(curve.steps()).containsExactly(new Step(2, 2, 1, 1, 0.5));
    }

    @Test
    void noEpisodesGiveAnEmptyCurve() {
        KaplanMeier curve = KaplanMeier.fromCounts(List.of());

        assertThat(curve.steps()).isEmpty();
        assertThat(curve.median()).isEmpty();
        assertThat(curve.observations()).isZero();
        assertThat(curve.survivalAt(5)).isEqualTo(1.0);
    }

    @Test
    void rejectsNegativeTimesAndCounts() {
        assertThatThrownBy(() -> new Observation(-1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupedCount(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupedCount(1, 0, -2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KaplanMeier.fromCounts(List.of(
                new GroupedCount(1, Integer.MAX_VALUE, 0), new GroupedCount(2, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
