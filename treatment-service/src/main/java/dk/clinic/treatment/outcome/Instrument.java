package dk.clinic.treatment.outcome;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome measures the clinic scores (docs/outcome-measures.md). The constant is the code the API and the
 * database use, as with {@code AppointmentStatus}; {@link #answersType()} is the JSON shape its answers take.
 */
public enum Instrument {
    nrs_first_step_pain(Direction.lower_is_better, Answers.PainRating.class),
    nrs_average_pain(Direction.lower_is_better, Answers.PainRating.class),
    vas_first_step_pain(Direction.lower_is_better, Answers.PainRating.class),
    vas_average_pain(Direction.lower_is_better, Answers.PainRating.class),
    ffi(Direction.lower_is_better, Answers.Ffi.class),
    faam(Direction.higher_is_better, Answers.Faam.class),
    psfs(Direction.higher_is_better, Answers.Psfs.class),
    fhsq(Direction.higher_is_better, Answers.Fhsq.class);

    private final Direction direction;
    private final Class<? extends Answers> answersType;

    Instrument(Direction direction, Class<? extends Answers> answersType) {
        this.direction = direction;
        this.answersType = answersType;
    }

    public Direction direction() {
        return direction;
    }

    public Class<? extends Answers> answersType() {
        return answersType;
    }

    /** The scores one completed instrument yields, in the order they are reported. */
    public List<Scale> scales() {
        return Arrays.stream(Scale.values()).filter(scale -> scale.instrument() == this).toList();
    }
}
