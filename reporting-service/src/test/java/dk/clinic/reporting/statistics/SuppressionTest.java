package dk.clinic.reporting.statistics;

import dk.clinic.reporting.statistics.Suppression.Cell;
import dk.clinic.reporting.statistics.Suppression.Reason;
import dk.clinic.reporting.statistics.SuppressedTable.Entry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static dk.clinic.reporting.statistics.Suppression.Cell.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionTest {

    private static List<String> suppressedKeys(SuppressedTable table) {
        return table.entries().stream().filter(Entry::suppressed).map(Entry::key).toList();
    }

    @Test
    void nothingSmallShowsEverything() {
        SuppressedTable table = Suppression.apply(List.of(of("18-39", 12), of("40-59", 7), of("60+", 30)));

        assertThat(suppressedKeys(table)).isEmpty();
        assertThat(table.reason("40-59")).isEmpty();
        assertThat(table.totalSuppressed()).isFalse();
        assertThat(table.publishedTotal()).hasValue(49);
        assertThat(table.threshold()).isEqualTo(5);
    }

    @Test
    void oneSmallCellAlsoHidesTheSmallestOtherCell() {
        SuppressedTable table = Suppression.apply(List.of(
                of("18-39", 3), of("40-59", 12), of("60-79", 7), of("80+", 20)));

        assertThat(table.reason("18-39")).hasValue(Reason.PRIMARY);
        assertThat(table.reason("60-79")).hasValue(Reason.COMPLEMENTARY);
        assertThat(table.isSuppressed("40-59")).isFalse();
        assertThat(table.isSuppressed("80+")).isFalse();
        assertThat(table.totalSuppressed()).isFalse();
        assertThat(table.publishedTotal()).hasValue(42);
        assertThat(table.entries()).extracting(Entry::publishedPatients).containsExactly(
                OptionalLong.empty(), OptionalLong.of(12), OptionalLong.empty(), OptionalLong.of(20));
    }

    @Test
    void complementaryCellTiesGoToTheFirstInOrder() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 8), of("b", 2), of("c", 8)));

        assertThat(table.reason("a")).hasValue(Reason.COMPLEMENTARY);
        assertThat(table.isSuppressed("c")).isFalse();
    }

    @Test
    void zeroCellIsNeverTheComplement() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 3), of("b", 0), of("c", 9), of("d", 15)));

        assertThat(suppressedKeys(table)).containsExactly("a", "c");
        assertThat(table.reason("b")).isEmpty();
        assertThat(table.totalSuppressed()).isFalse();
    }

    @Test
    void theOnlyOtherNonZeroCellBecomesTheComplement() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 0), of("b", 4), of("c", 10), of("d", 0)));

        assertThat(suppressedKeys(table)).containsExactly("b", "c");
        assertThat(table.reason("c")).hasValue(Reason.COMPLEMENTARY);
        assertThat(table.totalSuppressed()).isFalse();
    }

    @Test
    void twoSmallCellsNeedNoComplement() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 2), of("b", 4), of("c", 20)));

        assertThat(table.reason("a")).hasValue(Reason.PRIMARY);
        assertThat(table.reason("b")).hasValue(Reason.PRIMARY);
        assertThat(table.isSuppressed("c")).isFalse();
        assertThat(table.totalSuppressed()).isFalse();
    }

    @Test
    void hiddenCellsThatMustAllBeOneHideTheTotal() {
        // shown: 20 of a total of 22, so the two hidden cells hold 2 patients and, not being 0, one each
        SuppressedTable table = Suppression.apply(List.of(of("a", 1), of("b", 1), of("c", 20)));

        assertThat(suppressedKeys(table)).containsExactly("a", "b");
        assertThat(table.totalSuppressed()).isTrue();
        assertThat(table.publishedTotal()).isEmpty();
        assertThat(table.total()).isEqualTo(22);
    }

    @Test
    void smallTotalHidesEverythingIncludingZerosAndTheTotal() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 1), of("b", 2), of("c", 0)));

        assertThat(suppressedKeys(table)).containsExactly("a", "b", "c");
        assertThat(table.entries()).extracting(Entry::reason)
                .containsOnly(Reason.SMALL_TOTAL);
        assertThat(table.totalSuppressed()).isTrue();
    }

    @Test
    void zerosAreShown() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 0), of("b", 10), of("c", 0)));

        assertThat(suppressedKeys(table)).isEmpty();
        assertThat(table.totalSuppressed()).isFalse();
    }

    @Test
    void allZeroTableIsShown() {
        SuppressedTable table = Suppression.apply(List.of(of("a", 0), of("b", 0)));

        assertThat(suppressedKeys(table)).isEmpty();
        assertThat(table.publishedTotal()).hasValue(0);
    }

    @Test
    void thresholdIsConfigurable() {
        List<Cell> cells = List.of(of("a", 3), of("b", 2), of("c", 10));

        SuppressedTable lenient = Suppression.apply(3, cells);
        assertThat(lenient.reason("b")).hasValue(Reason.PRIMARY);
        assertThat(lenient.reason("a")).hasValue(Reason.COMPLEMENTARY);
        assertThat(lenient.isSuppressed("c")).isFalse();

        SuppressedTable strict = Suppression.apply(11, cells);
        assertThat(suppressedKeys(strict)).containsExactly("a", "b", "c");
        assertThat(strict.reason("c")).hasValue(Reason.PRIMARY);
        assertThat(strict.totalSuppressed()).isFalse();

        SuppressedTable smallGroup = Suppression.apply(16, cells);
        assertThat(smallGroup.entries()).extracting(Entry::reason).containsOnly(Reason.SMALL_TOTAL);

        SuppressedTable off = Suppression.apply(1, List.of(of("a", 1), of("b", 1)));
        assertThat(suppressedKeys(off)).isEmpty();
        assertThat(off.totalSuppressed()).isFalse();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Suppression.apply(0, List.of(of("a", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Suppression.apply(List.of(of("a", 1), of("a", 7))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of("a", -1)).isInstanceOf(IllegalArgumentException.class);
        SuppressedTable table = Suppression.apply(List.of(of("a", 9)));
        assertThatThrownBy(() -> table.isSuppressed("b")).isInstanceOf(IllegalArgumentException.class);
    }
}
