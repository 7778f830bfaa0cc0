package dk.clinic.booking.workinghours;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Half-open ranges, and the two operations working time is made of; no database. */
class TimeRangeTest {

    private static final Instant DAY = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void rangesThatOnlyTouchDoNotOverlap() {
        assertThat(at(8, 10).overlaps(at(10, 12))).isFalse();
        assertThat(at(8, 10).overlaps(at(9, 12))).isTrue();
        assertThat(at(8, 12).contains(at(9, 10))).isTrue();
        assertThat(at(8, 12).contains(at(11, 13))).isFalse();
    }

    @Test
    void aRangeEndsAfterItStarts() {
        assertThatThrownBy(() -> at(10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBreakCutsAWorkingDayInTwoAndAnAbsenceAtItsEdgeShortensIt() {
        List<TimeRange> day = List.of(at(8, 16));

        assertThat(TimeRange.subtract(day, at(12, 13))).containsExactly(at(8, 12), at(13, 16));
        assertThat(TimeRange.subtract(day, at(7, 9))).containsExactly(at(9, 16));
        assertThat(TimeRange.subtract(day, at(6, 18))).isEmpty();
        assertThat(TimeRange.subtract(day, at(17, 18))).containsExactly(at(8, 16));
    }

    @Test
    void extraHoursThatTouchOrOverlapAreMergedAndOthersStayApart() {
        List<TimeRange> day = List.of(at(8, 12), at(13, 16));

        assertThat(TimeRange.union(day, at(12, 13))).containsExactly(at(8, 16));
        assertThat(TimeRange.union(day, at(15, 18))).containsExactly(at(8, 12), at(13, 18));
        assertThat(TimeRange.union(day, at(18, 19))).containsExactly(at(8, 12), at(13, 16), at(18, 19));
        assertThat(TimeRange.union(day, at(6, 7))).containsExactly(at(6, 7), at(8, 12), at(13, 16));
    }

    @Property
    void unionAndSubtractKeepRangesSortedAndDisjointAndCoverExactlyTheRightMinutes(
            @ForAll @Size(max = 8) List<@IntRange(max = 1430) Integer> starts,
            @ForAll @IntRange(max = 1430) int cutStart, @ForAll @IntRange(min = 1, max = 120) int cutLength) {
        List<TimeRange> ranges = new ArrayList<>();
        boolean[] covered = new boolean[1440 + 120];
        for (int start : starts) {
            ranges = TimeRange.union(ranges, minutes(start, start + 10));
            for (int m = start; m < start + 10; m++) {
                covered[m] = true;
            }
        }
        ranges = TimeRange.subtract(ranges, minutes(cutStart, cutStart + cutLength));
        for (int m = cutStart; m < cutStart + cutLength; m++) {
            covered[m] = false;
        }

        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).start()).as("sorted, disjoint and not touching")
                    .isAfter(ranges.get(i - 1).end());
        }
        for (int m = 0; m < covered.length; m++) {
            TimeRange minute = minutes(m, m + 1);
            boolean inRanges = ranges.stream().anyMatch(range -> range.contains(minute));
            assertThat(inRanges).as("minute %d", m).isEqualTo(covered[m]);
        }
    }

    private static TimeRange at(int startHour, int endHour) {
        return minutes(startHour * 60, endHour * 60);
    }

    private static TimeRange minutes(int start, int end) {
        return new TimeRange(DAY.plusSeconds(start * 60L), DAY.plusSeconds(end * 60L));
    }
}
