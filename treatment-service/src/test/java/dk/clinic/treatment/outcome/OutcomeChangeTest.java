package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static dk.clinic.treatment.outcome.Refusals.field;
import static dk.clinic.treatment.outcome.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

class OutcomeChangeTest {

    private static Change change(Scale scale, String baseline, String followUp) {
        return new Change(scale, new BigDecimal(baseline), new BigDecimal(followUp));
    }

    @Test
    void firstStepPainFallingFrom8To5OnTheNrsIsAClinicallyImportantChange() {
        // 8 -> 5: difference -3, improvement 3 >= MCIC 2; 3 / 8 = 37.5 %
        Change change = change(Scale.nrs_first_step_pain, "8.0", "5.0");
        assertThat(change.difference()).isEqualByComparingTo("-3");
        assertThat(change.improvement()).isEqualByComparingTo("3");
        assertThat(change.percentImprovement()).isEqualByComparingTo("37.5");
        assertThat(change.mcic()).isEqualByComparingTo("2");
        assertThat(change.mcicReached()).isTrue();
        assertThat(ResponderDefinition.mcic.isResponder(change)).isTrue();
        assertThat(ResponderDefinition.pain50.isResponder(change)).isFalse();
    }

    @Test
    void afterShockwaveFirstStepPainFallsFrom70To30MmOnTheVas() {
        // 70 -> 30: difference -40 mm, improvement 40 mm >= MCIC 19; 40 / 70 = 57.14.. -> 57.1 %
        // pain50: 57.1 % >= 50 % -> responder; vas60: 57.1 % < 60 % -> not
        Change change = change(Scale.vas_first_step_pain, "70.0", "30.0");
        assertThat(change.difference()).isEqualByComparingTo("-40");
        assertThat(change.improvement()).isEqualByComparingTo("40");
        assertThat(change.percentImprovement()).isEqualByComparingTo("57.1");
        assertThat(change.mcicReached()).isTrue();
        assertThat(ResponderDefinition.pain50.isResponder(change)).isTrue();
        assertThat(ResponderDefinition.vas60.isResponder(change)).isFalse();
    }

    @Test
    void faamAdlRisingFrom60To70IsAClinicallyImportantChange() {
        // 60 -> 70: improvement +10 >= MCIC 8; 10 / 60 = 16.66.. -> 16.7 %
        Change change = change(Scale.faam_adl, "60.0", "70.0");
        assertThat(change.difference()).isEqualByComparingTo("10");
        assertThat(change.improvement()).isEqualByComparingTo("10");
        assertThat(change.percentImprovement()).isEqualByComparingTo("16.7");
        assertThat(change.mcicReached()).isTrue();
    }

    @Test
    void aPatientWhoGotWorseHasANegativeImprovement() {
        // FAAM Sports 50 -> 45: improvement -5, below MCIC 9; -5 / 50 = -10 %
        Change worse = change(Scale.faam_sports, "50.0", "45.0");
        assertThat(worse.improvement()).isEqualByComparingTo("-5");
        assertThat(worse.percentImprovement()).isEqualByComparingTo("-10.0");
        assertThat(worse.mcicReached()).isFalse();
        // NRS average pain 3 -> 6: improvement -3
        assertThat(change(Scale.nrs_average_pain, "3.0", "6.0").improvement()).isEqualByComparingTo("-3");
    }

    @Test
    void theMcicIsReachedAtExactlyItsSize() {
        // VAS average pain MCIC 8 mm: 40 -> 32 reaches it, 40 -> 33 does not
        assertThat(change(Scale.vas_average_pain, "40.0", "32.0").mcicReached()).isTrue();
        assertThat(change(Scale.vas_average_pain, "40.0", "33.0").mcicReached()).isFalse();
        // PSFS MCIC 2: 3.0 -> 5.0 reaches it, 3.0 -> 4.9 does not
        assertThat(change(Scale.psfs, "3.0", "5.0").mcicReached()).isTrue();
        assertThat(change(Scale.psfs, "3.0", "4.9").mcicReached()).isFalse();
    }

    @Test
    void aScaleWithoutAPublishedMcicReportsNone() {
        // FFI total 56.7 -> 40.0 improves by 16.7 points, but the FFI has no MCIC in our table
        Change change = change(Scale.ffi_total, "56.7", "40.0");
        assertThat(change.improvement()).isEqualByComparingTo("16.7");
        assertThat(change.mcic()).isNull();
        assertThat(change.mcicReached()).isNull();
        assertThat(refusal(() -> ResponderDefinition.mcic.isResponder(change)))
                .extracting(f -> f.field()).containsExactly("responder");
    }

    @Test
    void vas60NeedsSixtyPercentExactlyNotRounded() {
        // 50 -> 20: 30 / 50 = 60 % -> responder
        assertThat(ResponderDefinition.vas60.isResponder(change(Scale.vas_first_step_pain, "50.0", "20.0"))).isTrue();
        // 99.9 -> 40.0: 59.9 / 99.9 = 59.96 %, shown as 60.0 but below 60 -> not a responder
        Change almost = change(Scale.vas_average_pain, "99.9", "40.0");
        assertThat(almost.percentImprovement()).isEqualByComparingTo("60.0");
        assertThat(ResponderDefinition.vas60.isResponder(almost)).isFalse();
    }

    @Test
    void withoutPainAtBaselineThereIsNoPercentageAndNoPainResponder() {
        Change change = change(Scale.nrs_first_step_pain, "0.0", "0.0");
        assertThat(change.percentImprovement()).isNull();
        assertThat(ResponderDefinition.pain50.isResponder(change)).isFalse();
    }

    @Test
    void painAndVasResponderDefinitionsApplyOnlyToTheirScales() {
        assertThat(ResponderDefinition.pain50.appliesTo(Scale.nrs_average_pain)).isTrue();
        assertThat(ResponderDefinition.pain50.appliesTo(Scale.ffi_pain)).isFalse();
        assertThat(ResponderDefinition.vas60.appliesTo(Scale.nrs_first_step_pain)).isFalse();
        assertThat(refusal(() -> ResponderDefinition.pain50.isResponder(change(Scale.faam_adl, "60.0", "70.0"))))
                .containsExactly(field("responder", "pain50 does not apply to faam_adl; it applies to "
                        + "nrs_first_step_pain, nrs_average_pain, vas_first_step_pain, vas_average_pain"));
        assertThat(refusal(() -> ResponderDefinition.vas60.isResponder(change(Scale.nrs_first_step_pain, "8", "2"))))
                .containsExactly(field("responder",
                        "vas60 does not apply to nrs_first_step_pain; it applies to vas_first_step_pain, vas_average_pain"));
        assertThat(ResponderDefinition.vas60.description()).contains("60 %").contains("ESWT");
    }

    @Test
    void aChangeReadsInJsonWithEverythingDerived() {
        JsonNode json = new ObjectMapper().valueToTree(change(Scale.vas_first_step_pain, "70.0", "30.0"));
        assertThat(json.path("scale").asText()).isEqualTo("vas_first_step_pain");
        assertThat(json.path("difference").decimalValue()).isEqualByComparingTo("-40");
        assertThat(json.path("improvement").decimalValue()).isEqualByComparingTo("40");
        assertThat(json.path("percentImprovement").decimalValue()).isEqualByComparingTo("57.1");
        assertThat(json.path("mcic").decimalValue()).isEqualByComparingTo("19");
        assertThat(json.path("mcicReached").asBoolean()).isTrue();
    }
}
