package dk.clinic.treatment.outcome;

import java.util.List;
import java.util.Optional;

/** Checked answers with the scores computed from them: store both. */
public record ScoredOutcome(Instrument instrument, Answers answers, List<Score> scores) {

    /** Empty only for a FAAM subscale the patient was not given. */
    public Optional<Score> score(Scale scale) {
        return scores.stream().filter(score -> score.scale() == scale).findFirst();
    }
}
