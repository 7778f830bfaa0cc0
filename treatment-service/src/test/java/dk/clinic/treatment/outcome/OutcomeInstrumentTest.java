package dk.clinic.treatment.outcome;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The instrument table of docs/outcome-measures.md (and the domain's), held to the code. */
class OutcomeInstrumentTest {

    private static String mcic(Scale scale) {
        return scale.mcic().map(BigDecimal::toPlainString).orElse("-");
    }

    @Test
    void painFallsAndFunctionRises() {
        assertThat(Instrument.values()).filteredOn(i -> i.direction() == Direction.lower_is_better).containsExactly(
                Instrument.nrs_first_step_pain, Instrument.nrs_average_pain, Instrument.vas_first_step_pain,
                Instrument.vas_average_pain, Instrument.ffi);
        assertThat(Instrument.values()).filteredOn(i -> i.direction() == Direction.higher_is_better)
                .containsExactly(Instrument.faam, Instrument.psfs, Instrument.fhsq);
    }

    @Test
    void eachScaleHasItsRangeAndTheMcicTheDomainGives() {
        assertThat(Scale.values()).extracting(s -> s + " 0-" + s.max() + " mcic " + mcic(s)).containsExactly(
                "nrs_first_step_pain 0-10 mcic 2",
                "nrs_average_pain 0-10 mcic 2",
                "vas_first_step_pain 0-100 mcic 19",
                "vas_average_pain 0-100 mcic 8",
                "ffi_pain 0-100 mcic -",
                "ffi_disability 0-100 mcic -",
                "ffi_activity_limitation 0-100 mcic -",
                "ffi_total 0-100 mcic -",
                "faam_adl 0-100 mcic 8",
                "faam_sports 0-100 mcic 9",
                "psfs 0-10 mcic 2",
                "fhsq_foot_pain 0-100 mcic 13",
                "fhsq_foot_function 0-100 mcic 7",
                "fhsq_footwear 0-100 mcic -",
                "fhsq_general_foot_health 0-100 mcic -");
    }

    @Test
    void theFaamYieldsTwoScoresAndTheFfiFour() {
        assertThat(Instrument.faam.scales()).containsExactly(Scale.faam_adl, Scale.faam_sports);
        assertThat(Instrument.ffi.scales()).containsExactly(Scale.ffi_pain, Scale.ffi_disability,
                Scale.ffi_activity_limitation, Scale.ffi_total);
        assertThat(Instrument.vas_first_step_pain.scales()).containsExactly(Scale.vas_first_step_pain);
    }
}
