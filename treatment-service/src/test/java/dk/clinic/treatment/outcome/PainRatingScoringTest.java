package dk.clinic.treatment.outcome;

import org.junit.jupiter.api.Test;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class PainRatingScoringTest {

    private final OutcomeScoring scoring = new OutcomeScoring();

    private Score only(Instrument instrument, Integer value) {
        ScoredOutcome scored = scoring.score(instrument, new Answers.PainRating(value));
        assertThat(scored.scores()).hasSize(1);
        return scored.scores().getFirst();
    }

    @Test
    void firstStepPainOfSevenOnTheNrsScoresSeven() {
        // one item, scored as given: 7 -> 7.0
        Score score = only(Instrument.nrs_first_step_pain, 7);
        assertThat(score.scale()).isEqualTo(Scale.nrs_first_step_pain);
        assertThat(score.value()).isEqualByComparingTo("7.0");
        assertThat(score.value().scale()).isEqualTo(1);
        assertThat(score.answered()).isEqualTo(1);
    }

    @Test
    void theNrsRunsFromNoPainToTheWorstPainImaginable() {
        assertThat(only(Instrument.nrs_average_pain, 0).value()).isEqualByComparingTo("0.0");
        assertThat(only(Instrument.nrs_average_pain, 10).value()).isEqualByComparingTo("10.0");
        assertThat(refusal(() -> scoring.score(Instrument.nrs_average_pain, new Answers.PainRating(11))))
                .containsExactly(field("answers.value", "must be between 0 and 10"));
        assertThat(refusal(() -> scoring.score(Instrument.nrs_first_step_pain, new Answers.PainRating(-1))))
                .containsExactly(field("answers.value", "must be between 0 and 10"));
    }

    @Test
    void theVasIsMeasuredInMillimetresUpTo100() {
        // a 63 mm mark on the 100 mm line scores 63.0
        assertThat(only(Instrument.vas_first_step_pain, 63).value()).isEqualByComparingTo("63.0");
        assertThat(only(Instrument.vas_average_pain, 100).value()).isEqualByComparingTo("100.0");
        assertThat(refusal(() -> scoring.score(Instrument.vas_first_step_pain, new Answers.PainRating(101))))
                .containsExactly(field("answers.value", "must be between 0 and 100"));
    }

    @Test
    void aRatingWithoutAValueIsRefused() {
        assertThat(refusal(() -> scoring.score(Instrument.vas_average_pain, new Answers.PainRating(null))))
                .containsExactly(field("answers.value", "is required"));
    }
}
