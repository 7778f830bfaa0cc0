package dk.clinic.booking.series;

import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local starts a series request asks for, without a database. */
class SeriesStartsTest {

    private static final int LONGEST = 20;

    @Test
    void countOccurrencesIntervalDaysApartOnTheWallClockAcrossTheSpringChange() {
        SeriesRequest weekly = request(ClinicTime.parse("2026-03-16T09:00"), 4, null, null);

        assertThat(SeriesStarts.of(weekly, LONGEST)).extracting(ClinicTime::toString).containsExactly(
                "2026-03-16T09:00", "2026-03-23T09:00", "2026-03-30T09:00", "2026-04-06T09:00");
    }

    @Test
    void anIntervalOtherThanAWeek() {
        SeriesRequest everyThreeDays = request(ClinicTime.parse("2026-12-07T14:30"), 3, 3, null);

        assertThat(SeriesStarts.of(everyThreeDays, LONGEST)).extracting(ClinicTime::toString)
                .containsExactly("2026-12-07T14:30", "2026-12-10T14:30", "2026-12-13T14:30");
    }

    @Test
    void startsGivenOneByOneAreTakenAsTheyAreIfEachIsLaterThanTheOneBefore() {
        List<ClinicTime> given = List.of(ClinicTime.parse("2026-12-07T09:00"), ClinicTime.parse("2026-12-09T16:00"));
        assertThat(SeriesStarts.of(request(null, null, null, given), LONGEST)).isEqualTo(given);

        List<ClinicTime> backwards = List.of(ClinicTime.parse("2026-12-09T09:00"), ClinicTime.parse("2026-12-07T09:00"));
        assertThatThrownBy(() -> SeriesStarts.of(request(null, null, null, backwards), LONGEST))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.getMessage()).contains("starts[1]"));
    }

    @Test
    void moreOccurrencesThanTheClinicBooksAreRefusedAndSoIsAnIncompleteRequest() {
        assertThatThrownBy(() -> SeriesStarts.of(request(ClinicTime.parse("2026-12-07T09:00"), 21, null, null), LONGEST))
                .isInstanceOf(ProblemException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> SeriesStarts.of(request(ClinicTime.parse("2026-12-07T09:00"), null, null, null), LONGEST))
                .isInstanceOf(ProblemException.class).hasMessageContaining("count");
        assertThatThrownBy(() -> SeriesStarts.of(request(null, 3, null, null), LONGEST))
                .isInstanceOf(ProblemException.class).hasMessageContaining("firstStart");
        assertThatThrownBy(() -> SeriesStarts.of(request(null, null, null, List.of()), LONGEST))
                .isInstanceOf(ProblemException.class).hasMessageContaining("starts");
    }

    private static SeriesRequest request(ClinicTime firstStart, Integer count, Integer intervalDays,
                                         List<ClinicTime> starts) {
        return new SeriesRequest(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, null, firstStart, count,
                intervalDays, starts, null, null);
    }
}
