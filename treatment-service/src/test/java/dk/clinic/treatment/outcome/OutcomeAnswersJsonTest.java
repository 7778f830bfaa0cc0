package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

/** The answers as the REST layer hands them over: the request's "answers" member, straight from the JSON. */
class OutcomeAnswersJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutcomeScoring scoring = new OutcomeScoring();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private ScoredOutcome score(Instrument instrument, String answers) {
        return scoring.score(instrument, json(answers));
    }

    @Test
    void eachInstrumentReadsItsDocumentedShape() {
        assertThat(score(Instrument.nrs_first_step_pain, """
                {"value": 7}""").scores()).extracting(s -> s.value().toPlainString()).containsExactly("7.0");
        assertThat(score(Instrument.ffi, """
                {"pain": [7, 6, 5, 8, 4, 3, 6, 5, 7],
                 "disability": [5, 4, 6, 3, 2, null, 4, 5, 3],
                 "activityLimitation": [2, 1, 0, 3, null]}""").scores())
                .extracting(s -> s.value().toPlainString()).containsExactly("56.7", "40.0", "15.0", "42.4");
        assertThat(score(Instrument.faam, """
                {"sports": [2, 3, 1, 2, 4, 2, 3, 1]}""").scores())
                .extracting(s -> s.scale() + " " + s.value().toPlainString()).containsExactly("faam_sports 56.3");
        assertThat(score(Instrument.psfs, """
                {"activities": [{"name": "Walking to the bus", "score": 3},
                                {"name": "Standing at work", "score": 5},
                                {"name": "Playing with the grandchildren", "score": 4}]}""").scores())
                .extracting(s -> s.value().toPlainString()).containsExactly("4.0");
        assertThat(score(Instrument.fhsq, """
                {"footPain": 53.125, "footFunction": 68.75, "footwear": 25, "generalFootHealth": 40}""").scores())
                .extracting(s -> s.value().toPlainString()).containsExactly("53.1", "68.8", "25.0", "40.0");
    }

    @Test
    void theRawAnswersAreStoredAsTheyWereGiven() {
        String ffi = """
                {"pain":[7,6,5,8,4,3,6,5,7],"disability":[5,4,6,3,2,null,4,5,3],"activityLimitation":[2,1,0,3,null]}""";
        ScoredOutcome scored = score(Instrument.ffi, ffi);
        assertThat(scored.answers()).isInstanceOf(Answers.Ffi.class);
        assertThat((JsonNode) JSON.valueToTree(scored.answers())).isEqualTo(json(ffi));
    }

    @Test
    void aWholeNumberItemIsNeverTruncatedOrGuessed() {
        assertThat(refusal(() -> score(Instrument.nrs_average_pain, """
                {"value": 7.5}"""))).containsExactly(field("answers.value", "must be a whole number"));
        assertThat(refusal(() -> score(Instrument.vas_average_pain, """
                {"value": "63"}"""))).containsExactly(field("answers.value", "must be a whole number"));
        assertThat(refusal(() -> score(Instrument.faam, """
                {"adl": [4, 4, 3.5]}"""))).containsExactly(field("answers.adl[2]", "must be a whole number"));
        assertThat(refusal(() -> score(Instrument.fhsq, """
                {"footPain": "high", "footFunction": 1, "footwear": 1, "generalFootHealth": 1}""")))
                .containsExactly(field("answers.footPain", "must be a number"));
    }

    @Test
    void theWrongShapeIsNamed() {
        assertThat(refusal(() -> score(Instrument.nrs_first_step_pain, """
                {"value": 7, "note": "after the run"}""")))
                .containsExactly(field("answers.note", "is not a known field"));
        assertThat(refusal(() -> score(Instrument.ffi, """
                {"pain": "all of it"}"""))).containsExactly(field("answers.pain", "must be an array"));
        assertThat(refusal(() -> score(Instrument.psfs, """
                {"activities": [{"name": "Stairs", "score": 4, "side": "left"}]}""")))
                .containsExactly(field("answers.activities[0].side", "is not a known field"));
        assertThat(refusal(() -> score(Instrument.psfs, """
                {"activities": [7]}"""))).containsExactly(field("answers.activities[0]", "must be an object"));
        assertThat(refusal(() -> score(Instrument.faam, "[4, 4]")))
                .containsExactly(field("answers", "must be an object"));
        assertThat(refusal(() -> scoring.score(Instrument.faam, (JsonNode) null)))
                .containsExactly(field("answers", "is required"));
        assertThat(refusal(() -> score(Instrument.nrs_average_pain, "null")))
                .containsExactly(field("answers", "is required"));
    }

    @Test
    void aNumberTooLargeForAnyItemIsRefused() {
        assertThat(refusal(() -> score(Instrument.nrs_average_pain, """
                {"value": 99999999999999999999}"""))).containsExactly(field("answers.value", "is out of range"));
    }
}
