package dk.clinic.reporting.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A report table after {@link Suppression small-count suppression}: for every cell, and for the total, whether
 * it may be published and, if not, why.
 *
 * <p>For a clinic lead: cells that are hidden show as suppressed in the report; their true counts are kept here
 * only so the service can explain its decision, and must never be shown. Use {@link Entry#publishedPatients()}
 * and {@link #publishedTotal()} to get exactly what may be printed.
 */
public final class SuppressedTable {

    private final long threshold;
    private final List<Entry> entries;
    private final Map<String, Entry> byKey;
    private final long total;
    private final boolean totalSuppressed;

    SuppressedTable(long threshold, List<Entry> entries, long total, boolean totalSuppressed) {
        this.threshold = threshold;
        this.entries = List.copyOf(entries);
        this.total = total;
        this.totalSuppressed = totalSuppressed;
        Map<String, Entry> map = new LinkedHashMap<>();
        for (Entry entry : this.entries) {
            map.put(entry.key(), entry);
        }
        this.byKey = map;
    }

    /**
     * One cell and the decision about it.
     *
     * @param key      the category
     * @param patients the true count; not for publication when {@link #suppressed()}
     * @param reason   why the cell is hidden; {@code null} when it is shown
     */
    public record Entry(String key, long patients, Suppression.Reason reason) {

        /** Whether the cell must be hidden in the report. */
        public boolean suppressed() {
            return reason != null;
        }

        /** The count to print, or empty when the cell must be hidden. */
        public OptionalLong publishedPatients() {
            return suppressed() ? OptionalLong.empty() : OptionalLong.of(patients);
        }
    }

    /** The threshold {@code k} the table was suppressed with: shown non-zero counts are at least this. */
    public long threshold() {
        return threshold;
    }

    /** The cells in the order they were given. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * Whether the cell with this key must be hidden.
     *
     * @throws IllegalArgumentException when the table has no such cell
     */
    public boolean isSuppressed(String key) {
        return entry(key).suppressed();
    }

    /**
     * Why the cell with this key is hidden, or empty when it is shown.
     *
     * @throws IllegalArgumentException when the table has no such cell
     */
    public Optional<Suppression.Reason> reason(String key) {
        return Optional.ofNullable(entry(key).reason());
    }

    /** The true total of all cells; not for publication when {@link #totalSuppressed()}. */
    public long total() {
        return total;
    }

    /** Whether the total must be hidden, because the group is too small or would give hidden cells away. */
    public boolean totalSuppressed() {
        return totalSuppressed;
    }

    /** The total to print, or empty when it must be hidden. */
    public OptionalLong publishedTotal() {
        return totalSuppressed ? OptionalLong.empty() : OptionalLong.of(total);
    }

    private Entry entry(String key) {
        Entry entry = byKey.get(key);
        if (entry == null) {
            throw new IllegalArgumentException("no cell " + key);
        }
        return entry;
    }

    @Override
    public String toString() {
        return "SuppressedTable[threshold=" + threshold + ", entries=" + entries
                + ", total=" + total + ", totalSuppressed=" + totalSuppressed + "]";
    }
}
