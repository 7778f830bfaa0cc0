package dk.clinic.treatment.outcome;

import dk.clinic.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** Collects every wrong answer of a form, so the practitioner corrects them all at once rather than one per try. */
final class Violations {

    private record Violation(String field, String reason) {
    }

    private final List<Violation> found = new ArrayList<>();

    void add(String field, String reason) {
        found.add(new Violation(field, reason));
    }

    void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        ProblemException problem = ProblemException.invalid(found.getFirst().field(), found.getFirst().reason());
        found.stream().skip(1).forEach(v -> problem.field(v.field(), v.reason()));
        throw problem;
    }
}
