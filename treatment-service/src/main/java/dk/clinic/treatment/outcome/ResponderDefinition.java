package dk.clinic.treatment.outcome;

import dk.clinic.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Who counts as a responder; a report names the definition it uses. The constant is the API code. */
public enum ResponderDefinition {

    mcic("Reached the minimal clinically important change of the scale: improvement at least the MCIC.",
            EnumSet.copyOf(Arrays.stream(Scale.values()).filter(scale -> scale.mcic().isPresent()).toList()),
            change -> change.mcicReached()),
    pain50("At least 50 % less pain than at baseline on an NRS or VAS pain scale (the heel-pain studies use "
            + "first-step pain).",
            EnumSet.of(Scale.nrs_first_step_pain, Scale.nrs_average_pain, Scale.vas_first_step_pain,
                    Scale.vas_average_pain),
            change -> change.improvedByAtLeast(50)),
    vas60("At least 60 % improvement from baseline on a VAS pain scale (the ESWT trials).",
            EnumSet.of(Scale.vas_first_step_pain, Scale.vas_average_pain),
            change -> change.improvedByAtLeast(60));

    private final String description;
    private final Set<Scale> scales;
    private final Predicate<Change> met;

    ResponderDefinition(String description, Set<Scale> scales, Predicate<Change> met) {
        this.description = description;
        this.scales = scales;
        this.met = met;
    }

    public String description() {
        return description;
    }

    public boolean appliesTo(Scale scale) {
        return scales.contains(scale);
    }

    /** Refuses, naming the field {@code responder}, a definition that does not apply to the change's scale. */
    public boolean isResponder(Change change) {
        if (!appliesTo(change.scale())) {
            throw ProblemException.invalid("responder", name() + " does not apply to " + change.scale()
                    + "; it applies to " + scales.stream().map(Scale::name).collect(Collectors.joining(", ")));
        }
        return met.test(change);
    }
}
