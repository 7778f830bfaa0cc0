package dk.clinic.treatment.outcome;

/** Which way a scale improves: pain falls, function rises. */
public enum Direction {
    lower_is_better, higher_is_better
}
