package dk.clinic.treatment.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.items;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class FfiScoringTest {

    private static final List<Integer> PAIN = items(7, 6, 5, 8, 4, 3, 6, 5, 7);
    private static final List<Integer> DISABILITY = items(5, 4, 6, 3, 2, null, 4, 5, 3);
    private static final List<Integer> ACTIVITY = items(2, 1, 0, 3, null);

    private final OutcomeScoring scoring = new OutcomeScoring();

    private ScoredOutcome score(List<Integer> pain, List<Integer> disability, List<Integer> activity) {
        return scoring.score(Instrument.ffi, new Answers.Ffi(pain, disability, activity));
    }

    @Test
    void aPatientWithPlantarFasciitisFillsInTheWholeFfi() {
        ScoredOutcome scored = score(PAIN, DISABILITY, ACTIVITY);

        // pain: 7+6+5+8+4+3+6+5+7 = 51 of 9 answered; 51 / (9 x 10) x 100 = 56.666.. -> 56.7
        // disability: 5+4+6+3+2+4+5+3 = 32 of 8 answered (one left blank); 32 / (8 x 10) x 100 = 40.0
        // activity limitation: 2+1+0+3 = 6 of 4 answered; 6 / (4 x 10) x 100 = 15.0
        // total: 51+32+6 = 89 of 9+8+4 = 21 answered; 89 / (21 x 10) x 100 = 42.380.. -> 42.4
        // (not the mean of the subscales, which would be 37.2)
        assertThat(scored.scores()).extracting(Score::scale).containsExactly(
                Scale.ffi_pain, Scale.ffi_disability, Scale.ffi_activity_limitation, Scale.ffi_total);
        assertThat(scored.scores()).extracting(s -> s.value().toPlainString())
                .containsExactly("56.7", "40.0", "15.0", "42.4");
        assertThat(scored.scores()).extracting(Score::answered).containsExactly(9, 8, 4, 21);
        assertThat(scored.scores()).extracting(Score::items).containsExactly(9, 9, 5, 23);
    }

    @Test
    void aHalfIsRoundedUp() {
        // pain: 1 of 8 answered; 1 / (8 x 10) x 100 = 1.25 -> 1.3 (half up, not half even)
        ScoredOutcome scored = score(items(1, 0, 0, 0, 0, 0, 0, 0, null), DISABILITY, ACTIVITY);
        assertThat(scored.score(Scale.ffi_pain).orElseThrow().value()).isEqualByComparingTo("1.3");
    }

    @Test
    void oneAnsweredItemIsEnoughForASubscale() {
        // activity limitation: only item 2 answered, 4; 4 / (1 x 10) x 100 = 40.0
        ScoredOutcome scored = score(PAIN, DISABILITY, items(null, 4, null, null, null));
        assertThat(scored.score(Scale.ffi_activity_limitation).orElseThrow().value()).isEqualByComparingTo("40.0");
    }

    @Test
    void aSubscaleWithoutAnyAnswerIsRefused() {
        assertThat(refusal(() -> score(PAIN, DISABILITY, items(null, null, null, null, null))))
                .containsExactly(field("answers.activityLimitation",
                        "has no answered item; the FFI scores a subscale from its answered items"));
    }

    @Test
    void everyWrongAnswerOfTheFormIsNamedAtOnce() {
        assertThat(refusal(() -> score(items(7, 6, 5, 11, 4, 3, 6, 5, 7), items(5, 4, 6, 3, 2, 1, 4, 5),
                items(2, 1, 0, 3, -1))))
                .containsExactly(
                        field("answers.pain[3]", "must be between 0 and 10"),
                        field("answers.disability",
                                "must have 9 answers, one per item (null for an unanswered item); it has 8"),
                        field("answers.activityLimitation[4]", "must be between 0 and 10"));
    }

    @Test
    void aMissingSubscaleIsRefused() {
        assertThat(refusal(() -> score(PAIN, null, ACTIVITY)))
                .containsExactly(field("answers.disability", "is required: 9 answers, null for an unanswered item"));
    }
}
