package dk.clinic.treatment.outcome;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dk.clinic.treatment.outcome.Refusals.answered;
import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.items;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class FaamScoringTest {

    private static final List<Integer> ADL =
            items(4, 4, 3, 3, 2, 4, 3, 3, 2, 2, 4, 3, 3, 2, 3, 4, 3, 2, 3, 3, 4);
    private static final List<Integer> SPORTS = items(2, 3, 1, 2, 4, 2, 3, 1);

    private final OutcomeScoring scoring = new OutcomeScoring();

    private ScoredOutcome score(List<Integer> adl, List<Integer> sports) {
        return scoring.score(Instrument.faam, new Answers.Faam(adl, sports));
    }

    @Test
    void aRunnerWithHeelPainAnswersBothSubscales() {
        ScoredOutcome scored = score(ADL, SPORTS);

        // ADL: the 21 answers add up to 64; 64 / (21 x 4) x 100 = 76.190.. -> 76.2
        // Sports: 2+3+1+2+4+2+3+1 = 18; 18 / (8 x 4) x 100 = 56.25 -> 56.3 (half up)
        assertThat(scored.scores()).extracting(Score::scale).containsExactly(Scale.faam_adl, Scale.faam_sports);
        assertThat(scored.scores()).extracting(s -> s.value().toPlainString()).containsExactly("76.2", "56.3");
    }

    @Test
    void aPatientWhoDoesNoSportsAnswersTheAdlSubscaleAlone() {
        ScoredOutcome scored = score(ADL, null);
        assertThat(scored.scores()).extracting(Score::scale).containsExactly(Scale.faam_adl);
        assertThat(scored.score(Scale.faam_sports)).isEmpty();
    }

    @Test
    void adlCountsWith19Of21AnsweredAndNotWith18() {
        // ceil(0.9 x 21) = ceil(18.9) = 19
        // 19 items answered 3, two N/A: 57 / (19 x 4) x 100 = 75.0
        Score valid = score(answered(19, 3, 21), null).scores().getFirst();
        assertThat(valid.value()).isEqualByComparingTo("75.0");
        assertThat(valid.answered()).isEqualTo(19);
        assertThat(valid.items()).isEqualTo(21);

        assertThat(refusal(() -> score(answered(18, 3, 21), null))).containsExactly(field("answers.adl",
                "has 18 of 21 items answered; the FAAM scores a subscale only when at least 19 (90 %) are; "
                        + "leave the subscale out if the patient did not complete it"));
    }

    @Test
    void sportsCountsOnlyWithAll8Answered() {
        // ceil(0.9 x 8) = ceil(7.2) = 8: 7 of 8 is 87.5 %, too few
        assertThat(score(null, answered(8, 2, 8)).scores().getFirst().value()).isEqualByComparingTo("50.0");
        assertThat(refusal(() -> score(ADL, items(2, 3, 1, null, 4, 2, 3, 1)))).containsExactly(field("answers.sports",
                "has 7 of 8 items answered; the FAAM scores a subscale only when at least 8 (90 %) are; "
                        + "leave the subscale out if the patient did not complete it"));
    }

    @Test
    void anItemAnswerAbove4IsRefused() {
        List<Integer> adl = items(4, 4, 3, 3, 5, 4, 3, 3, 2, 2, 4, 3, 3, 2, 3, 4, 3, 2, 3, 3, 4);
        assertThat(refusal(() -> score(adl, SPORTS)))
                .containsExactly(field("answers.adl[4]", "must be between 0 and 4"));
    }

    @Test
    void aFormWithNeitherSubscaleIsRefused() {
        assertThat(refusal(() -> score(null, null)))
                .containsExactly(field("answers", "must hold adl, sports or both"));
        assertThat(refusal(() -> score(ADL, items(2, 3, 1))))
                .containsExactly(field("answers.sports",
                        "must have 8 answers, one per item (null for an unanswered item); it has 3"));
    }
}
