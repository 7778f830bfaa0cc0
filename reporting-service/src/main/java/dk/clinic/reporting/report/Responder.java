package dk.clinic.reporting.report;

import dk.clinic.platform.problem.ProblemException;

import java.util.Set;

/**
 * Who counts as a responder, as the heel-pain literature defines it (docs/reporting.md). A report names the
 * definition it uses, and the scale it is judged on: the baseline against the latest follow-up.
 */
public enum Responder {
    /** Improved by at least the scale's minimal clinically important change (NRS 2 points, VAS 19 mm, ...). */
    mcic("nrs_first_step_pain", Set.of("nrs_first_step_pain", "nrs_average_pain", "vas_first_step_pain",
            "vas_average_pain", "faam_adl", "faam_sports", "psfs", "fhsq_foot_pain", "fhsq_foot_function")),
    /** At least 50 % less pain than at baseline (the heel-pain studies, on first-step pain). */
    pain50("nrs_first_step_pain", Set.of("nrs_first_step_pain", "nrs_average_pain", "vas_first_step_pain",
            "vas_average_pain")),
    /** At least 60 % improvement on a VAS pain scale (the shockwave trials). */
    vas60("vas_first_step_pain", Set.of("vas_first_step_pain", "vas_average_pain"));

    private final String defaultScale;
    private final Set<String> scales;

    Responder(String defaultScale, Set<String> scales) {
        this.defaultScale = defaultScale;
        this.scales = scales;
    }

    /**
     * The scale to judge on: the definition's own, or the one asked for when the definition applies to it (mcic
     * applies to the scales with a published minimal clinically important change).
     */
    String scale(String requested) {
        if (requested == null) {
            return defaultScale;
        }
        if (!scales.contains(requested)) {
            throw ProblemException.invalid("scale", name() + " applies to " + String.join(", ", scales.stream().sorted().toList()));
        }
        return requested;
    }

    /**
     * The SQL condition that makes a responder, on SQL expressions for the baseline, the improvement (signed in the
     * scale's better direction) and the scale's MCIC. Percentages are decided on the exact ratio, and a baseline of 0
     * leaves nothing to improve by a percentage.
     */
    public String condition(String baseline, String improvement, String mcic) {
        return switch (this) {
            case mcic -> "(" + improvement + ") >= " + mcic;
            case pain50 -> baseline + " > 0 and (" + improvement + ") * 100 >= " + baseline + " * 50";
            case vas60 -> baseline + " > 0 and (" + improvement + ") * 100 >= " + baseline + " * 60";
        };
    }
}
