package dk.clinic.reporting.report;

import dk.clinic.platform.problem.ProblemException;

import java.util.Set;

/** The outcome scales treatment-service scores (its {@code Scale}); a report names one of them. */
final class Scales {

    static final Set<String> KNOWN = Set.of("nrs_first_step_pain", "nrs_average_pain", "vas_first_step_pain",
            "vas_average_pain", "ffi_pain", "ffi_disability", "ffi_activity_limitation", "ffi_total", "faam_adl",
            "faam_sports", "psfs", "fhsq_foot_pain", "fhsq_foot_function", "fhsq_footwear", "fhsq_general_foot_health");

    private Scales() {
    }

    static String require(String field, String scale) {
        if (!KNOWN.contains(scale)) {
            throw ProblemException.invalid(field, "must be one of " + String.join(", ", KNOWN.stream().sorted().toList()));
        }
        return scale;
    }
}
