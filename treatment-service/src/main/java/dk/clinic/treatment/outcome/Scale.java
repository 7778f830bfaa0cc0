package dk.clinic.treatment.outcome;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One score an instrument yields: the whole instrument or one of its subscales. Changes over time, MCICs and
 * responders are always about one scale. Every scale runs from 0 to {@link #max()}.
 */
public enum Scale {
    nrs_first_step_pain(Instrument.nrs_first_step_pain, 10, 2),
    nrs_average_pain(Instrument.nrs_average_pain, 10, 2),
    vas_first_step_pain(Instrument.vas_first_step_pain, 100, 19),
    vas_average_pain(Instrument.vas_average_pain, 100, 8),
    ffi_pain(Instrument.ffi, 100),
    ffi_disability(Instrument.ffi, 100),
    ffi_activity_limitation(Instrument.ffi, 100),
    ffi_total(Instrument.ffi, 100),
    faam_adl(Instrument.faam, 100, 8),
    faam_sports(Instrument.faam, 100, 9),
    psfs(Instrument.psfs, 10, 2),
    fhsq_foot_pain(Instrument.fhsq, 100, 13),
    fhsq_foot_function(Instrument.fhsq, 100, 7),
    fhsq_footwear(Instrument.fhsq, 100),
    fhsq_general_foot_health(Instrument.fhsq, 100);

    private final Instrument instrument;
    private final int max;
    private final BigDecimal mcic;

    /** A scale for which no minimal clinically important change is published. */
    Scale(Instrument instrument, int max) {
        this.instrument = instrument;
        this.max = max;
        this.mcic = null;
    }

    Scale(Instrument instrument, int max, int mcic) {
        this.instrument = instrument;
        this.max = max;
        this.mcic = BigDecimal.valueOf(mcic);
    }

    public Instrument instrument() {
        return instrument;
    }

    public Direction direction() {
        return instrument.direction();
    }

    public int max() {
        return max;
    }

    /** The minimal clinically important change, in the scale's own units; empty where none is published. */
    public Optional<BigDecimal> mcic() {
        return Optional.ofNullable(mcic);
    }
}
