package dk.clinic.platform.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the product accepts, in one place. Every value that comes in (a JSON body, a query, path or header parameter)
 * passes these rules before any rule of a service sees it, so text that PostgreSQL cannot store, a number that is not a
 * number or a date no clinic can mean is refused as a 400 naming the field, never met as a 500 in the database.
 * Fields and services add tighter rules of their own (a name's length, a booking's horizon); none is looser than this.
 */
public final class Accepted {

    /** No date the clinic can mean lies before this: birth dates start here. */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** Nor after this: bookings, closures and report periods stay well inside it. */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    /** The longest text of a field that names no tighter limit. */
    public static final int LONGEST_TEXT = 10_000;
    /** The longest query, path or header parameter. */
    public static final int LONGEST_PARAMETER = 500;
    /** The last page number a paged list serves (page times size stays far from overflowing). */
    public static final int LAST_PAGE = 10_000;
    /** Numbers are finite and smaller than this in magnitude. */
    public static final BigDecimal LARGEST_NUMBER = new BigDecimal("1E12");
    /** Decimal numbers carry at most this many decimals. */
    public static final int MOST_DECIMALS = 6;
    /** Free-form JSON (session details, parameters, answers) nests at most this deep. */
    public static final int DEEPEST_JSON = 8;

    private Accepted() {
    }

    /**
     * Why {@code text} is not acceptable, if it is not: it holds a control character (line breaks and tabs only where
     * {@code lineBreaks} allows them), a character that is not one (an unpaired surrogate, U+FFFE, U+FFFF), or it is
     * longer than {@link #LONGEST_TEXT}.
     */
    public static Optional<String> textProblem(String text, boolean lineBreaks) {
        if (text.length() > LONGEST_TEXT) {
            return Optional.of("must be at most " + LONGEST_TEXT + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of("must not contain control characters (U+%04X at position %d)".formatted((int) c, i + 1)
                        + (lineBreaks ? "" : "; line breaks and tabs are not allowed here"));
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("contains an invalid character (an unpaired surrogate at position " + (i + 1) + ")");
            }
            if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of("contains an invalid character (U+%04X at position %d)".formatted((int) c, i + 1));
            }
        }
        return Optional.empty();
    }

    /** Why {@code date} is not acceptable, if it lies outside {@link #EARLIEST_DATE} to {@link #LATEST_DATE}. */
    public static Optional<String> dateProblem(LocalDate date) {
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            return Optional.of("must lie between " + EARLIEST_DATE + " and " + LATEST_DATE);
        }
        return Optional.empty();
    }

    /** Why {@code number} is not acceptable: too large, or with more than {@link #MOST_DECIMALS} decimals. */
    public static Optional<String> numberProblem(BigDecimal number) {
        if (number.abs().compareTo(LARGEST_NUMBER) >= 0) {
            return Optional.of("must be smaller than " + LARGEST_NUMBER.toPlainString() + " in magnitude");
        }
        if (number.stripTrailingZeros().scale() > MOST_DECIMALS) {
            return Optional.of("must have at most " + MOST_DECIMALS + " decimals");
        }
        return Optional.empty();
    }

    /** Why {@code number} is not acceptable: not finite (e.g. 1e400 read as a double), or too large. */
    public static Optional<String> numberProblem(double number) {
        if (!Double.isFinite(number)) {
            return Optional.of("must be a finite number");
        }
        if (Math.abs(number) >= LARGEST_NUMBER.doubleValue()) {
            return Optional.of("must be smaller than " + LARGEST_NUMBER.toPlainString() + " in magnitude");
        }
        return Optional.empty();
    }
}
