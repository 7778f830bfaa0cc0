package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where outcome measures are scored: checks a completed instrument's answers and computes its scores exactly as
 * docs/outcome-measures.md states. A wrong answer is a 400 problem naming its path under {@code answers}, e.g.
 * {@code answers.pain[3]}; every wrong answer of the form is named at once.
 */
@ApplicationScoped
public class OutcomeScoring {

    private static final int FFI_ITEM_MAX = 10;
    private static final int FAAM_ITEM_MAX = 4;
    private static final int PSFS_SCORE_MAX = 10;
    private static final int PSFS_FEWEST = 3;
    private static final int PSFS_MOST = 5;
    private static final int ACTIVITY_NAME_MAX = 200;

    /** Scores the request's {@code answers} member, read in the instrument's JSON shape. */
    public ScoredOutcome score(Instrument instrument, JsonNode answers) {
        return score(instrument, AnswersJson.read(Objects.requireNonNull(instrument, "instrument"), answers));
    }

    public ScoredOutcome score(Instrument instrument, Answers answers) {
        Objects.requireNonNull(instrument, "instrument");
        if (!instrument.answersType().isInstance(answers)) {
            throw new IllegalArgumentException(instrument + " is answered with " + instrument.answersType().getSimpleName());
        }
        List<Score> scores = switch (answers) {
            case Answers.PainRating rating -> painRating(instrument.scales().getFirst(), rating);
            case Answers.Ffi ffi -> ffi(ffi);
            case Answers.Faam faam -> faam(faam);
            case Answers.Psfs psfs -> psfs(psfs);
            case Answers.Fhsq fhsq -> fhsq(fhsq);
        };
        return new ScoredOutcome(instrument, answers, scores);
    }

    private static List<Score> painRating(Scale scale, Answers.PainRating rating) {
        Integer value = rating.value();
        if (value == null) {
            throw ProblemException.invalid("answers.value", "is required");
        }
        if (value < 0 || value > scale.max()) {
            throw ProblemException.invalid("answers.value", "must be between 0 and " + scale.max());
        }
        return List.of(new Score(scale, BigDecimal.valueOf(value).setScale(1), 1, 1));
    }

    /**
     * As published in 1991: a subscale (and the total) is the sum of the answered items over their maximum, so an
     * unanswered item leaves the denominator. That sets no minimum, but a subscale without any answer has no score.
     */
    private static List<Score> ffi(Answers.Ffi ffi) {
        Violations violations = new Violations();
        Tally pain = items("answers.pain", ffi.pain(), 9, FFI_ITEM_MAX, violations);
        Tally disability = items("answers.disability", ffi.disability(), 9, FFI_ITEM_MAX, violations);
        Tally activity = items("answers.activityLimitation", ffi.activityLimitation(), 5, FFI_ITEM_MAX, violations);
        violations.throwIfAny();
        requireAnswer("answers.pain", pain, violations);
        requireAnswer("answers.disability", disability, violations);
        requireAnswer("answers.activityLimitation", activity, violations);
        violations.throwIfAny();
        Tally total = pain.plus(disability).plus(activity);
        return List.of(pain.score(Scale.ffi_pain, FFI_ITEM_MAX), disability.score(Scale.ffi_disability, FFI_ITEM_MAX),
                activity.score(Scale.ffi_activity_limitation, FFI_ITEM_MAX), total.score(Scale.ffi_total, FFI_ITEM_MAX));
    }

    /** A FAAM subscale counts only when at least 90 % of its items are answered (N/A counts as unanswered). */
    private static List<Score> faam(Answers.Faam faam) {
        Violations violations = new Violations();
        if (faam.adl() == null && faam.sports() == null) {
            violations.add("answers", "must hold adl, sports or both");
        }
        Tally adl = faam.adl() == null ? null : items("answers.adl", faam.adl(), 21, FAAM_ITEM_MAX, violations);
        Tally sports = faam.sports() == null ? null
                : items("answers.sports", faam.sports(), 8, FAAM_ITEM_MAX, violations);
        violations.throwIfAny();
        requireNinetyPercent("answers.adl", adl, violations);
        requireNinetyPercent("answers.sports", sports, violations);
        violations.throwIfAny();
        List<Score> scores = new ArrayList<>();
        if (adl != null) {
            scores.add(adl.score(Scale.faam_adl, FAAM_ITEM_MAX));
        }
        if (sports != null) {
            scores.add(sports.score(Scale.faam_sports, FAAM_ITEM_MAX));
        }
        return scores;
    }

    private static void requireAnswer(String field, Tally subscale, Violations violations) {
        if (subscale.answered() == 0) {
            violations.add(field, "has no answered item; the FFI scores a subscale from its answered items");
        }
    }

    /** answered / items >= 0.9, in whole numbers: ADL needs 19 of 21, Sports 8 of 8. */
    private static void requireNinetyPercent(String field, Tally subscale, Violations violations) {
        if (subscale != null && subscale.answered() * 10 < subscale.items() * 9) {
            int needed = (subscale.items() * 9 + 9) / 10;
            violations.add(field, "has " + subscale.answered() + " of " + subscale.items() + " items answered; the FAAM "
                    + "scores a subscale only when at least " + needed + " (90 %) are; leave the subscale out if the "
                    + "patient did not complete it");
        }
    }

    private static List<Score> psfs(Answers.Psfs psfs) {
        Violations violations = new Violations();
        List<Answers.Psfs.Activity> activities = psfs.activities();
        if (activities == null) {
            throw ProblemException.invalid("answers.activities",
                    "is required: " + PSFS_FEWEST + " to " + PSFS_MOST + " activities");
        }
        if (activities.size() < PSFS_FEWEST || activities.size() > PSFS_MOST) {
            throw ProblemException.invalid("answers.activities",
                    "must have " + PSFS_FEWEST + " to " + PSFS_MOST + " activities; it has " + activities.size());
        }
        Map<String, Integer> named = new HashMap<>();
        int sum = 0;
        for (int i = 0; i < activities.size(); i++) {
            String field = "answers.activities[" + i + "]";
            Answers.Psfs.Activity activity = activities.get(i);
            if (activity == null) {
                violations.add(field, "is required");
                continue;
            }
            String name = activity.name();
            if (name == null || name.isBlank()) {
                violations.add(field + ".name", "must not be blank");
            } else if (name.length() > ACTIVITY_NAME_MAX) {
                violations.add(field + ".name", "must be at most " + ACTIVITY_NAME_MAX + " characters");
            } else {
                // the mean weighs each activity once
                Integer same = named.putIfAbsent(name.strip().toLowerCase(Locale.ROOT), i);
                if (same != null) {
                    violations.add(field + ".name", "repeats activities[" + same + "]");
                }
            }
            Integer score = activity.score();
            if (score == null) {
                violations.add(field + ".score", "is required");
            } else if (score < 0 || score > PSFS_SCORE_MAX) {
                violations.add(field + ".score", "must be between 0 and " + PSFS_SCORE_MAX);
            } else {
                sum += score;
            }
        }
        violations.throwIfAny();
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(activities.size()), 1, RoundingMode.HALF_UP);
        return List.of(new Score(Scale.psfs, mean, activities.size(), activities.size()));
    }

    private static List<Score> fhsq(Answers.Fhsq fhsq) {
        Violations violations = new Violations();
        List<Score> scores = new ArrayList<>();
        domain("answers.footPain", fhsq.footPain(), Scale.fhsq_foot_pain, scores, violations);
        domain("answers.footFunction", fhsq.footFunction(), Scale.fhsq_foot_function, scores, violations);
        domain("answers.footwear", fhsq.footwear(), Scale.fhsq_footwear, scores, violations);
        domain("answers.generalFootHealth", fhsq.generalFootHealth(), Scale.fhsq_general_foot_health, scores, violations);
        violations.throwIfAny();
        return scores;
    }

    private static void domain(String field, BigDecimal value, Scale scale, List<Score> scores, Violations violations) {
        if (value == null) {
            violations.add(field, "is required: the FHSQ software reports all four domains");
        } else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(scale.max())) > 0) {
            violations.add(field, "must be between 0 and " + scale.max());
        } else {
            scores.add(new Score(scale, value.setScale(1, RoundingMode.HALF_UP), 1, 1));
        }
    }

    /** Checks an item list (one entry per item, null for unanswered) and adds up what was answered. */
    private static Tally items(String field, List<Integer> answers, int items, int itemMax, Violations violations) {
        if (answers == null) {
            violations.add(field, "is required: " + items + " answers, null for an unanswered item");
            return null;
        }
        if (answers.size() != items) {
            violations.add(field, "must have " + items + " answers, one per item (null for an unanswered item); it has "
                    + answers.size());
            return null;
        }
        int sum = 0;
        int answered = 0;
        for (int i = 0; i < items; i++) {
            Integer answer = answers.get(i);
            if (answer == null) {
                continue;
            }
            if (answer < 0 || answer > itemMax) {
                violations.add(field + "[" + i + "]", "must be between 0 and " + itemMax);
            } else {
                sum += answer;
                answered++;
            }
        }
        return new Tally(sum, answered, items);
    }

    /** The answered items of a subscale. */
    private record Tally(int sum, int answered, int items) {

        Tally plus(Tally other) {
            return new Tally(sum + other.sum, answered + other.answered, items + other.items);
        }

        /** sum / (answered x item maximum) x 100, exact, then rounded half up to one decimal. */
        Score score(Scale scale, int itemMax) {
            BigDecimal value = BigDecimal.valueOf(100L * sum)
                    .divide(BigDecimal.valueOf((long) answered * itemMax), 1, RoundingMode.HALF_UP);
            return new Score(scale, value, answered, items);
        }
    }
}
