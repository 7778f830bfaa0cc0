package dk.clinic.reporting.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.reporting.statistics.MeanEstimate;
import dk.clinic.reporting.statistics.Proportion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The figures a report row holds. Each states how many patients it rests on; a suppressed figure carries no numbers
 * at all, only {@code suppressed: true}, so a small count can be neither read nor recovered.
 */
public final class Figures {

    private Figures() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "CountFigure", description = "How many (episodes, decisions, sessions), and of how many patients.")
    public record Count(Long value, Long patients, boolean suppressed) {
        static Count of(long value, long patients) {
            return new Count(value, patients, false);
        }

        Count suppress() {
            return new Count(null, null, true);
        }
    }

    @Schema(name = "MeanFigure", description = "A mean with its 95 % confidence interval (Student's t).")
    public record Mean(Long patients, Long n, Double mean, Double standardDeviation, Double lower, Double upper,
                       boolean suppressed) {
        static Mean of(long patients, MeanEstimate estimate) {
            return new Mean(patients, estimate.n(), estimate.mean(), estimate.standardDeviation(), estimate.lower(),
                    estimate.upper(), false);
        }

        Mean suppress() {
            return new Mean(null, null, null, null, null, null, true);
        }
    }

    @Schema(name = "RateFigure", description = "A share of a whole with its 95 % Wilson score interval.")
    public record Rate(Long count, Long of, Long patients, Double share, Double lower, Double upper,
                       boolean suppressed) {
        static Rate of(long patients, Proportion proportion) {
            return new Rate(proportion.successes(), proportion.total(), patients, proportion.share(),
                    proportion.lower(), proportion.upper(), false);
        }

        Rate suppress() {
            return new Rate(null, null, null, null, null, null, true);
        }
    }
}
