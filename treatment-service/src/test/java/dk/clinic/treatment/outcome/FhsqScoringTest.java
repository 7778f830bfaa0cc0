package dk.clinic.treatment.outcome;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class FhsqScoringTest {

    private final OutcomeScoring scoring = new OutcomeScoring();

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theFourDomainScoresOfTheFhsqSoftwareAreKeptToOneDecimal() {
        // as given, rounded half up to one decimal: 53.125 -> 53.1, 68.75 -> 68.8, 25 -> 25.0, 40.0 -> 40.0
        ScoredOutcome scored = scoring.score(Instrument.fhsq,
                new Answers.Fhsq(d("53.125"), d("68.75"), d("25"), d("40.0")));
        assertThat(scored.scores()).extracting(Score::scale).containsExactly(Scale.fhsq_foot_pain,
                Scale.fhsq_foot_function, Scale.fhsq_footwear, Scale.fhsq_general_foot_health);
        assertThat(scored.scores()).extracting(s -> s.value().toPlainString())
                .containsExactly("53.1", "68.8", "25.0", "40.0");
    }

    @Test
    void everyDomainIsNeededWithin0To100() {
        assertThat(refusal(() -> scoring.score(Instrument.fhsq,
                new Answers.Fhsq(d("100.5"), d("0"), null, d("-1")))))
                .containsExactly(
                        field("answers.footPain", "must be between 0 and 100"),
                        field("answers.footwear", "is required: the FHSQ software reports all four domains"),
                        field("answers.generalFootHealth", "must be between 0 and 100"));
        assertThat(scoring.score(Instrument.fhsq, new Answers.Fhsq(d("100"), d("0"), d("0"), d("0")))
                .scores().getFirst().value()).isEqualByComparingTo("100.0");
    }
}
