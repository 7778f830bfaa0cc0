package dk.clinic.treatment.outcome;

import java.math.BigDecimal;

/**
 * A computed score, rounded half up to one decimal. {@code answered} of {@code items} counted: an FFI or FAAM
 * subscale leaves unanswered items out of its denominator; for PSFS the items are the patient's activities.
 */
public record Score(Scale scale, BigDecimal value, int answered, int items) {
}
