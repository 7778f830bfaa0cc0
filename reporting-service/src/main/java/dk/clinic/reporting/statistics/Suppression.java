package dk.clinic.reporting.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Hides small patient counts in a published table so that no single patient can be singled out, neither
 * directly ("2 patients aged 80+ with outcome X") nor by subtracting the shown cells from the shown total.
 *
 * <p>For a clinic lead: a cell shown as suppressed means "between 1 and k−1 patients, or hidden so that such a
 * cell cannot be worked out"; it never means zero, because zeros are shown. A suppressed total means the group
 * is too small, or its hidden cells would otherwise be given away by the total.
 *
 * <p><b>The rule.</b> The cells of one group are given in the order of the report; their counts add up to the
 * group's total {@code T}, which is published with them unless it is suppressed. With the threshold
 * {@code k >= 1} ({@link #DEFAULT_THRESHOLD} unless configured):
 * <ol>
 *   <li><b>Small group.</b> If {@code 0 < T < k}, every cell (zeros too, since a shown 0 would tell which
 *       categories the few patients fall in) and the total are suppressed, with reason
 *       {@link Reason#SMALL_TOTAL}. No other step applies.</li>
 *   <li><b>Primary.</b> Every cell with a count from 1 to {@code k - 1} is suppressed, reason
 *       {@link Reason#PRIMARY}. A count of 0 is shown: as is common practice for health statistics, "no patient"
 *       describes nobody.</li>
 *   <li><b>Complementary.</b> If exactly one cell is suppressed after step 2, it would equal {@code T} minus the
 *       shown cells. So the smallest non-zero shown cell is suppressed as well, reason
 *       {@link Reason#COMPLEMENTARY}; among equal counts the first in order is taken. A zero cell is never
 *       taken, since the two hidden cells would then add up to the small count itself. Such a cell always
 *       exists: {@code T >= k} while the one suppressed cell is below {@code k}. With two or more primary
 *       cells no complementary cell is added.</li>
 *   <li><b>Total.</b> Since zero cells are shown, a reader knows each suppressed cell holds at least 1 patient.
 *       If {@code T} minus the shown cells equals the number of suppressed cells, every suppressed cell must
 *       hold exactly 1 patient (e.g. two cells of 1 and everything else shown), so the total is suppressed
 *       too ({@link SuppressedTable#totalSuppressed()}). When the total is 0 nothing is suppressed.</li>
 * </ol>
 * The rule protects one table against recovery by subtraction from its own total. It does not consider
 * other tables published from the same patients (other breakdowns, earlier periods), whose differences can
 * need the same care.
 */
public final class Suppression {

    /** The threshold used when none is configured: counts of 1 to 4 patients are hidden. */
    public static final long DEFAULT_THRESHOLD = 5;

    private Suppression() {
    }

    /** Why a cell is hidden. */
    public enum Reason {
        /** The cell itself holds fewer patients than the threshold (but at least 1). */
        PRIMARY,
        /** The cell is large enough, but hidden so that a primary-suppressed cell cannot be recovered from the total. */
        COMPLEMENTARY,
        /** The whole group holds fewer patients than the threshold, so all of it, total included, is hidden. */
        SMALL_TOTAL
    }

    /**
     * One cell of a report table: a category and how many patients fall in it.
     *
     * @param key      the category, unique within the table (e.g. "age 60-69")
     * @param patients the number of patients, {@code >= 0}
     */
    public record Cell(String key, long patients) {

        /** Checks that the key is given and the count is not negative. */
        public Cell {
            Objects.requireNonNull(key, "key");
            if (patients < 0) {
                throw new IllegalArgumentException("patients must not be negative, was " + patients + " for " + key);
            }
        }

        /** A cell of {@code patients} patients in category {@code key}. */
        public static Cell of(String key, long patients) {
            return new Cell(key, patients);
        }
    }

    /** Applies the rule with the {@link #DEFAULT_THRESHOLD default threshold} of 5. */
    public static SuppressedTable apply(List<Cell> cells) {
        return apply(DEFAULT_THRESHOLD, cells);
    }

    /**
     * Applies the rule described on this class.
     *
     * @param threshold the smallest count that may be shown, {@code k >= 1}
     * @param cells     the cells of one group, in report order, with unique keys
     * @throws IllegalArgumentException when the threshold is below 1, a key repeats, or the counts overflow
     */
    public static SuppressedTable apply(long threshold, List<Cell> cells) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        Map<String, Cell> byKey = new LinkedHashMap<>();
        long total = 0;
        for (Cell cell : cells) {
            Objects.requireNonNull(cell, "cell");
            if (byKey.putIfAbsent(cell.key(), cell) != null) {
                throw new IllegalArgumentException("duplicate key " + cell.key());
            }
            total = Math.addExact(total, cell.patients());
        }
        int size = cells.size();
        Reason[] reasons = new Reason[size];
        boolean totalSuppressed = false;

        if (total > 0 && total < threshold) {
            Arrays.fill(reasons, Reason.SMALL_TOTAL);
            totalSuppressed = true;
        } else {
            int primaries = 0;
            int onlyPrimary = -1;
            for (int i = 0; i < size; i++) {
                long patients = cells.get(i).patients();
                if (patients > 0 && patients < threshold) {
                    reasons[i] = Reason.PRIMARY;
                    primaries++;
                    onlyPrimary = i;
                }
            }
            if (primaries == 1) {
                int complement = -1;
                for (int i = 0; i < size; i++) {
                    long patients = cells.get(i).patients();
                    if (i != onlyPrimary && patients > 0
                            && (complement < 0 || patients < cells.get(complement).patients())) {
                        complement = i;
                    }
                }
                // total >= threshold > the primary cell, so another non-zero cell exists
                reasons[complement] = Reason.COMPLEMENTARY;
            }
            long hidden = 0;
            int hiddenCells = 0;
            for (int i = 0; i < size; i++) {
                if (reasons[i] != null) {
                    hidden += cells.get(i).patients();
                    hiddenCells++;
                }
            }
            totalSuppressed = hiddenCells > 0 && hidden == hiddenCells;
        }

        List<SuppressedTable.Entry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new SuppressedTable.Entry(cells.get(i).key(), cells.get(i).patients(), reasons[i]));
        }
        return new SuppressedTable(threshold, entries, total, totalSuppressed);
    }
}
