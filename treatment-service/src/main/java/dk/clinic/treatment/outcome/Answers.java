package dk.clinic.treatment.outcome;

import java.math.BigDecimal;
import java.util.List;

/**
 * The raw answers of one completed instrument: the JSON the API accepts as {@code answers} and the database
 * keeps. An item list has one entry per item, in the questionnaire's order; {@code null} marks an item the patient
 * left unanswered (or, in the FAAM, marked N/A). {@link OutcomeScoring} checks them; these records only carry them.
 */
public sealed interface Answers {

    /** NRS (0-10 points) or VAS (0-100 mm), whole numbers: {@code {"value": 7}}. */
    record PainRating(Integer value) implements Answers {
    }

    /** Foot Function Index, items 0-10: {@code {"pain": [9], "disability": [9], "activityLimitation": [5]}}. */
    record Ffi(List<Integer> pain, List<Integer> disability, List<Integer> activityLimitation) implements Answers {
    }

    /**
     * Foot and Ankle Ability Measure, items 0-4 (4 = no difficulty): {@code {"adl": [21], "sports": [8]}}. A subscale
     * the patient was not given is left out (or null); at least one is needed.
     */
    record Faam(List<Integer> adl, List<Integer> sports) implements Answers {
    }

    /** Patient-Specific Functional Scale: 3 to 5 activities the patient chose, each scored 0-10 (10 = as before). */
    record Psfs(List<Activity> activities) implements Answers {

        public record Activity(String name, Integer score) {
        }
    }

    /** Foot Health Status Questionnaire: the four domain scores, 0-100, as the FHSQ software computed them. */
    record Fhsq(BigDecimal footPain, BigDecimal footFunction, BigDecimal footwear, BigDecimal generalFootHealth)
            implements Answers {
    }
}
