package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How one scale moved from a baseline score to a follow-up score of the same patient. Everything else is derived,
 * so a change can never disagree with its two scores. {@code improvement} is signed in the scale's better
 * direction: VAS first-step pain 70 to 30 is a difference of -40 mm and an improvement of 40 mm.
 */
public record Change(Scale scale, BigDecimal baseline, BigDecimal followUp) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Change {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(followUp, "followUp");
    }

    /** Follow-up minus baseline, as measured. */
    @JsonProperty
    public BigDecimal difference() {
        return followUp.subtract(baseline);
    }

    /** Positive when the patient is better, negative when worse. */
    @JsonProperty
    public BigDecimal improvement() {
        return scale.direction() == Direction.lower_is_better ? baseline.subtract(followUp) : difference();
    }

    /** Improvement as a percentage of the baseline, rounded half up to one decimal; null when the baseline is 0. */
    @JsonProperty
    public BigDecimal percentImprovement() {
        return baseline.signum() == 0 ? null
                : improvement().multiply(HUNDRED).divide(baseline, 1, RoundingMode.HALF_UP);
    }

    /** The scale's minimal clinically important change; null where none is published. */
    @JsonProperty
    public BigDecimal mcic() {
        return scale.mcic().orElse(null);
    }

    /** Whether the improvement is at least the MCIC; null where the scale has none. */
    @JsonProperty
    public Boolean mcicReached() {
        return scale.mcic().map(mcic -> improvement().compareTo(mcic) >= 0).orElse(null);
    }

    /**
     * Decided on the exact ratio, not the rounded percentage: 99.9 to 40.0 shows 60.0 % but is 59.96 %. A baseline
     * of 0 leaves nothing to improve by a percentage.
     */
    boolean improvedByAtLeast(int percent) {
        return baseline.signum() > 0
                && improvement().multiply(HUNDRED).compareTo(baseline.multiply(BigDecimal.valueOf(percent))) >= 0;
    }
}
