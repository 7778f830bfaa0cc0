package dk.clinic.booking.workinghours;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open span of time [start, end) on the instant line. */
public record TimeRange(Instant start, Instant end) {

    public TimeRange {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A time range ends after it starts: " + start + " - " + end);
        }
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public TimeRange widen(Duration before, Duration after) {
        return new TimeRange(start.minus(before), end.plus(after));
    }

    /** {@code ranges} less {@code cut}; the input is sorted and disjoint, and so is the result. */
    static List<TimeRange> subtract(List<TimeRange> ranges, TimeRange cut) {
        List<TimeRange> result = new ArrayList<>(ranges.size() + 1);
        for (TimeRange range : ranges) {
            if (!range.overlaps(cut)) {
                result.add(range);
                continue;
            }
            if (range.start.isBefore(cut.start)) {
                result.add(new TimeRange(range.start, cut.start));
            }
            if (cut.end.isBefore(range.end)) {
                result.add(new TimeRange(cut.end, range.end));
            }
        }
        return result;
    }

    /** {@code ranges} with {@code extra} added, merged into a sorted disjoint list. */
    static List<TimeRange> union(List<TimeRange> ranges, TimeRange extra) {
        List<TimeRange> all = new ArrayList<>(ranges);
        all.add(extra);
        all.sort(Comparator.comparing(TimeRange::start));
        List<TimeRange> merged = new ArrayList<>(all.size());
        for (TimeRange range : all) {
            TimeRange last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !range.start.isAfter(last.end)) {
                merged.set(merged.size() - 1, new TimeRange(last.start, range.end.isAfter(last.end) ? range.end : last.end));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
