package dk.clinic.booking.clinic;

import dk.clinic.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Local clinic time to instants and back, strictly, around Copenhagen's daylight-saving nights; no database. */
class ClinicCalendarTest {

    private static final ClinicCalendar CALENDAR = new ClinicCalendar(ZoneId.of("Europe/Copenhagen"),
            LocalDate.of(2025, 12, 1), LocalDate.of(2028, 11, 29));

    @Test
    void aTimeTheClocksSkipIsRefusedNamingTheNight() {
        assertThatThrownBy(() -> CALENDAR.resolve("start", ClinicTime.parse("2026-03-29T02:30")))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("start")
                .hasMessageContaining("does not exist");
    }

    @Test
    void inTheRepeatedHourTheEarlierIsMeantUnlessAnOffsetSaysOtherwise() {
        assertThat(CALENDAR.resolve("start", ClinicTime.parse("2026-10-25T02:30")))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(CALENDAR.resolve("start", ClinicTime.parse("2026-10-25T02:30+01:00")))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThatThrownBy(() -> CALENDAR.resolve("start", ClinicTime.parse("2026-10-25T02:30+05:00")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("not a valid offset");
    }

    @Test
    void theRepeatedHourSaysWhichOneItIsWhenShownAndOtherTimesDoNot() {
        assertThat(CALENDAR.clinicTime(Instant.parse("2026-10-25T01:30:00Z")).toString())
                .isEqualTo("2026-10-25T02:30+01:00");
        assertThat(CALENDAR.clinicTime(Instant.parse("2026-12-07T08:00:00Z")).toString())
                .isEqualTo("2026-12-07T09:00");
    }

    @Test
    void aSystemComputedTimeInTheGapMovesOnLikeAWallClock() {
        assertThat(CALENDAR.resolveOrShift(LocalDateTime.parse("2026-03-29T02:30")))
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void nothingBeyondTheHorizonAndNoRecordBeforeTheEarliestDay() {
        assertThatThrownBy(() -> CALENDAR.resolve("start", ClinicTime.parse("2028-11-30T09:00")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422))
                .hasMessageContaining("2028-11-29");
        assertThatThrownBy(() -> CALENDAR.requireWithin("firstDay", LocalDate.of(2025, 11, 30)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
        CALENDAR.requireWithin("firstDay", LocalDate.of(2025, 12, 1));
    }
}
