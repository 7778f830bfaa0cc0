package dk.clinic.treatment.outcome;

import dk.clinic.treatment.outcome.Answers.Psfs.Activity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class PsfsScoringTest {

    private final OutcomeScoring scoring = new OutcomeScoring();

    private ScoredOutcome score(Activity... activities) {
        return scoring.score(Instrument.psfs, new Answers.Psfs(Arrays.asList(activities)));
    }

    @Test
    void aPatientRatesThreeActivitiesSheCannotDoAsBefore() {
        // (3 + 5 + 4) / 3 = 4.0
        Score score = score(new Activity("Walking to the bus in the morning", 3),
                new Activity("Standing at the till for a shift", 5),
                new Activity("Playing football with the grandchildren", 4)).scores().getFirst();
        assertThat(score.scale()).isEqualTo(Scale.psfs);
        assertThat(score.value()).isEqualByComparingTo("4.0");
        assertThat(score.answered()).isEqualTo(3);
    }

    @Test
    void theMeanIsRoundedToOneDecimal() {
        // (4 + 4 + 3) / 3 = 3.666.. -> 3.7
        assertThat(score(new Activity("Stairs", 4), new Activity("Running", 4), new Activity("Hiking", 3))
                .scores().getFirst().value()).isEqualByComparingTo("3.7");
        // (2 + 3 + 4 + 5 + 7) / 5 = 4.2
        assertThat(score(new Activity("Stairs", 2), new Activity("Running", 3), new Activity("Hiking", 4),
                new Activity("Dancing", 5), new Activity("Gardening", 7)).scores().getFirst().value())
                .isEqualByComparingTo("4.2");
    }

    @Test
    void threeToFiveActivitiesAreNeeded() {
        assertThat(refusal(() -> score(new Activity("Stairs", 4), new Activity("Running", 4))))
                .containsExactly(field("answers.activities", "must have 3 to 5 activities; it has 2"));
        List<Activity> six = List.of(new Activity("a", 1), new Activity("b", 1), new Activity("c", 1),
                new Activity("d", 1), new Activity("e", 1), new Activity("f", 1));
        assertThat(refusal(() -> scoring.score(Instrument.psfs, new Answers.Psfs(six))))
                .containsExactly(field("answers.activities", "must have 3 to 5 activities; it has 6"));
        assertThat(refusal(() -> scoring.score(Instrument.psfs, new Answers.Psfs(null))))
                .containsExactly(field("answers.activities", "is required: 3 to 5 activities"));
    }

    @Test
    void eachActivityNeedsANameOnceAndAScoreFrom0To10() {
        assertThat(refusal(() -> score(new Activity("Stairs", 11), new Activity(" ", 4),
                new Activity(" stairs", null), null)))
                .containsExactly(
                        field("answers.activities[0].score", "must be between 0 and 10"),
                        field("answers.activities[1].name", "must not be blank"),
                        field("answers.activities[2].name", "repeats activities[0]"),
                        field("answers.activities[2].score", "is required"),
                        field("answers.activities[3]", "is required"));
    }
}
