package dk.clinic.reporting.statistics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * The average of a measurement over a group of patients or episodes (for example the pain score at
 * discharge), with how much it varies and how precisely the average is known.
 *
 * <p>For a clinic lead: {@code mean} is the average that was seen; {@code standardDeviation} says how far a
 * typical patient lies from it; {@code lower}..{@code upper} is the 95 % confidence interval, the range of
 * averages that are compatible with the data if the clinic kept treating patients like these. A wide interval
 * means "few patients, do not read much into this number yet".
 *
 * <p>The interval is the two-sided Student's t interval with {@code n - 1} degrees of freedom, the usual one for
 * a mean. Fields that cannot be computed from the data are {@code null}, never {@code NaN}:
 * <ul>
 *   <li>{@code n = 0}: nothing was measured, so {@code mean}, {@code standardDeviation}, {@code lower} and
 *       {@code upper} are all {@code null};</li>
 *   <li>{@code n = 1}: the mean is that single value, but the spread and hence the interval are undefined, so
 *       {@code standardDeviation}, {@code lower} and {@code upper} are {@code null};</li>
 *   <li>{@code n >= 2}: every field is set.</li>
 * </ul>
 *
 * @param n                 how many values the estimate is built from
 * @param mean              the sample mean; {@code null} when {@code n = 0}
 * @param standardDeviation the sample standard deviation (divisor {@code n - 1}); {@code null} when {@code n < 2}
 * @param lower             lower end of the 95 % confidence interval of the mean; {@code null} when {@code n < 2}
 * @param upper             upper end of the 95 % confidence interval of the mean; {@code null} when {@code n < 2}
 */
public record MeanEstimate(long n, Double mean, Double standardDeviation, Double lower, Double upper) {

    /** The two-sided confidence level of {@link #lower()}..{@link #upper()}. */
    public static final double CONFIDENCE_LEVEL = 0.95;

    /** Checks that {@code n} is not negative. */
    public MeanEstimate {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
    }

    /**
     * The estimate from aggregates, as a database returns them ({@code count(x)}, {@code sum(x)},
     * {@code sum(x * x)}).
     *
     * <p>The variance is {@code (sumOfSquares - sum * sum / n) / (n - 1)}; a slightly negative result, which
     * only rounding can produce, is taken as 0. Given accurate sums this is accurate to far better than the
     * reported digits for several hundred thousand values on a 0..100 scale. The sums themselves should be
     * exact or nearly so: a database's {@code sum} over integers or {@code numeric} is exact, whereas a plain
     * floating-point running sum of 300,000 values can already be off in the sixth significant digit of the
     * standard deviation when the values barely vary.
     *
     * @param n            how many values were summed, {@code >= 0}
     * @param sum          the sum of the values
     * @param sumOfSquares the sum of the squared values
     * @throws IllegalArgumentException when {@code n} is negative, a sum is not finite, or {@code n = 0} with a
     *                                  non-zero sum
     */
    public static MeanEstimate of(long n, double sum, double sumOfSquares) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative, was " + n);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(sumOfSquares)) {
            throw new IllegalArgumentException("sums must be finite, were " + sum + " and " + sumOfSquares);
        }
        if (sumOfSquares < 0) {
            throw new IllegalArgumentException("a sum of squares cannot be negative, was " + sumOfSquares);
        }
        if (n == 0) {
            if (sum != 0 || sumOfSquares != 0) {
                throw new IllegalArgumentException("no values but non-zero sums " + sum + " and " + sumOfSquares);
            }
            return new MeanEstimate(0, null, null, null, null);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanEstimate(1, mean, null, null, null);
        }
        double variance = Math.max(0.0, (sumOfSquares - sum * sum / n) / (n - 1));
        double standardDeviation = Math.sqrt(variance);
        double halfWidth = tQuantile(n - 1) * standardDeviation / Math.sqrt(n);
        return new MeanEstimate(n, mean, standardDeviation, mean - halfWidth, mean + halfWidth);
    }

    /**
     * The estimate from the individual values: {@link #of(long, double, double)} of their count, their sum and
     * their sum of squares, both summed with compensated (Neumaier) summation so that they are as exact as
     * double precision allows.
     *
     * <p>Mind Java's overload resolution: three <em>integer</em> arguments, as in {@code of(4, 4, 4)}, select
     * {@link #of(long, double, double)}. Pass values as {@code double}s ({@code of(4.0, 4.0, 4.0)}) or as an
     * array.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public static MeanEstimate of(double... values) {
        double sum = 0;
        double sumCompensation = 0;
        double sumOfSquares = 0;
        double squaresCompensation = 0;
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("values must be finite, got " + value);
            }
            double sumBefore = sum;
            sum += value;
            sumCompensation += lostInAddition(sumBefore, value, sum);
            double square = value * value;
            double squaresBefore = sumOfSquares;
            sumOfSquares += square;
            squaresCompensation += lostInAddition(squaresBefore, square, sumOfSquares);
        }
        return of(values.length, sum + sumCompensation, sumOfSquares + squaresCompensation);
    }

    /** What rounding dropped when {@code a + b} was computed as {@code rounded} (Neumaier's correction term). */
    private static double lostInAddition(double a, double b, double rounded) {
        return Math.abs(a) >= Math.abs(b) ? (a - rounded) + b : (b - rounded) + a;
    }

    /** Whether {@link #lower()} and {@link #upper()} are known, i.e. at least two values were measured. */
    public boolean hasInterval() {
        return lower != null;
    }

    /** The 97.5 % quantile of Student's t with the given degrees of freedom. */
    private static double tQuantile(long degreesOfFreedom) {
        // a null random generator skips seeding one: the distribution is never sampled
        TDistribution t = new TDistribution(null, degreesOfFreedom);
        return t.inverseCumulativeProbability(1 - (1 - CONFIDENCE_LEVEL) / 2);
    }
}
