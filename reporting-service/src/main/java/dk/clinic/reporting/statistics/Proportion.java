package dk.clinic.reporting.statistics;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A share of a group, such as "8 of 10 episodes responded to treatment", with its 95 % confidence interval.
 *
 * <p>For a clinic lead: {@code share} is the fraction that was seen (0.8 = 80 %); {@code lower}..{@code upper}
 * is the range of true rates that are compatible with it. With 8 of 10 the true response rate may well be
 * anywhere from about 49 % to 94 %; with 80 of 100 the range narrows to about 71 % to 87 %.
 *
 * <p>The interval is the Wilson score interval, which, unlike the textbook "share ± 1.96 standard errors",
 * stays inside 0..1 and behaves well for small groups and for shares near 0 % or 100 %. When the group is
 * empty ({@code total = 0}) nothing can be said: {@code share}, {@code lower} and {@code upper} are
 * {@code null}; otherwise all three are set.
 *
 * @param successes how many in the group had the outcome, {@code 0 <= successes <= total}
 * @param total     the size of the group
 * @param share     {@code successes / total}; {@code null} when {@code total = 0}
 * @param lower     lower end of the 95 % Wilson interval; {@code null} when {@code total = 0}
 * @param upper     upper end of the 95 % Wilson interval; {@code null} when {@code total = 0}
 */
public record Proportion(long successes, long total, Double share, Double lower, Double upper) {

    /** The two-sided confidence level of {@link #lower()}..{@link #upper()}. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /** The standard normal quantile for {@link #CONFIDENCE_LEVEL}, 1.959963984540054. */
    static final double Z = new NormalDistribution(null, 0, 1)
            .inverseCumulativeProbability(1 - (1 - CONFIDENCE_LEVEL) / 2);

    /** Checks that the counts are consistent. */
    public Proportion {
        validate(successes, total);
    }

    /**
     * The share {@code successes / total} with its 95 % Wilson score interval.
     *
     * @throws IllegalArgumentException unless {@code 0 <= successes <= total}
     */
    public static Proportion wilson(long successes, long total) {
        validate(successes, total);
        if (total == 0) {
            return new Proportion(0, 0, null, null, null);
        }
        double n = total;
        double share = successes / n;
        double zSquaredOverN = Z * Z / n;
        double centre = (share + zSquaredOverN / 2) / (1 + zSquaredOverN);
        double halfWidth = Z / (1 + zSquaredOverN)
                * Math.sqrt(share * (1 - share) / n + zSquaredOverN / (4 * n));
        // at 0 and at total the interval touches 0 or 1 exactly; rounding must not push it past
        double lower = successes == 0 ? 0.0 : Math.max(0.0, centre - halfWidth);
        double upper = successes == total ? 1.0 : Math.min(1.0, centre + halfWidth);
        return new Proportion(successes, total, share, lower, upper);
    }

    private static void validate(long successes, long total) {
        if (successes < 0 || successes > total) {
            throw new IllegalArgumentException(
                    "need 0 <= successes <= total, got " + successes + " of " + total);
        }
    }
}
