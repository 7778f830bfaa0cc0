package dk.clinic.booking.workinghours;

import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.workinghours.AvailabilityException.Kind;
import dk.clinic.booking.workinghours.WorkingTime.Closure;
import dk.clinic.booking.workinghours.WorkingTime.Dated;
import dk.clinic.booking.workinghours.WorkingTime.Weekly;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of working time in the clinic's zone (Copenhagen): weekly hours less breaks, extra hours, absences and
 * closed days, across daylight-saving changes. No database: the inputs are what the tables hold.
 */
class WorkingTimeTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ClinicCalendar CALENDAR =
            new ClinicCalendar(COPENHAGEN, LocalDate.of(2025, 1, 1), LocalDate.of(2028, 12, 31));
    /** Monday 7 December 2026, in winter time (UTC+1). */
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Weekly MONDAYS_8_TO_16 = weekly(DayOfWeek.MONDAY, "08:00", "16:00");
    private static final Weekly LUNCH = weekly(DayOfWeek.MONDAY, "12:00", "12:30");

    @Test
    void weeklyHoursLessTheirBreakOnTheirWeekdayOnly() {
        WorkingTime rule = new WorkingTime(List.of(MONDAYS_8_TO_16), List.of(LUNCH), List.of(), List.of());

        assertThat(rule.between(MONDAY, MONDAY.plusDays(6), CALENDAR)).containsExactly(
                local(MONDAY, "08:00", "12:00"), local(MONDAY, "12:30", "16:00"));
    }

    @Test
    void twoPeriodsOnOneDayAreWorkedBoth() {
        WorkingTime rule = new WorkingTime(List.of(weekly(DayOfWeek.MONDAY, "08:00", "11:00"),
                weekly(DayOfWeek.MONDAY, "14:00", "18:00")), List.of(), List.of(), List.of());

        assertThat(rule.between(MONDAY, MONDAY, CALENDAR)).containsExactly(
                local(MONDAY, "08:00", "11:00"), local(MONDAY, "14:00", "18:00"));
    }

    @Test
    void anAbsenceTakesItsHoursAwayAcrossDays() {
        Dated ill = new Dated(Kind.absence, new TimeRange(instant(MONDAY, "10:00"), instant(MONDAY.plusDays(7), "09:00")));
        WorkingTime rule = new WorkingTime(List.of(MONDAYS_8_TO_16), List.of(), List.of(ill), List.of());

        assertThat(rule.between(MONDAY, MONDAY.plusDays(7), CALENDAR)).containsExactly(
                local(MONDAY, "08:00", "10:00"), local(MONDAY.plusDays(7), "09:00", "16:00"));
    }

    @Test
    void extraHoursAddTimeOnADayWithoutWeeklyHours() {
        LocalDate saturday = MONDAY.plusDays(5);
        Dated extra = new Dated(Kind.extra, local(saturday, "09:00", "13:00"));
        WorkingTime rule = new WorkingTime(List.of(MONDAYS_8_TO_16), List.of(), List.of(extra), List.of());

        assertThat(rule.between(saturday, saturday, CALENDAR)).containsExactly(local(saturday, "09:00", "13:00"));
    }

    @Test
    void anAbsenceWinsOverExtraHoursItOverlaps() {
        Dated extra = new Dated(Kind.extra, local(MONDAY, "16:00", "19:00"));
        Dated away = new Dated(Kind.absence, local(MONDAY, "15:00", "17:00"));
        WorkingTime rule = new WorkingTime(List.of(MONDAYS_8_TO_16), List.of(), List.of(away, extra), List.of());

        assertThat(rule.between(MONDAY, MONDAY, CALENDAR)).containsExactly(
                local(MONDAY, "08:00", "15:00"), local(MONDAY, "17:00", "19:00"));
    }

    @Test
    void nobodyWorksOnAClosedDayNotEvenExtraHours() {
        Closure christmas = new Closure(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 26));
        LocalDate christmasEve = LocalDate.of(2026, 12, 24);
        Dated extra = new Dated(Kind.extra, local(christmasEve, "09:00", "12:00"));
        WorkingTime rule = new WorkingTime(List.of(weekly(DayOfWeek.THURSDAY, "08:00", "16:00"),
                weekly(DayOfWeek.MONDAY, "08:00", "16:00")), List.of(), List.of(extra), List.of(christmas));

        assertThat(rule.between(christmasEve, christmasEve, CALENDAR)).isEmpty();
        assertThat(rule.between(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 28), CALENDAR))
                .containsExactly(local(LocalDate.of(2026, 12, 28), "08:00", "16:00"));
    }

    @Test
    void aWeekly0900Stays0900OnBothSidesOfTheSpringChange() {
        WorkingTime rule = new WorkingTime(List.of(weekly(DayOfWeek.MONDAY, "09:00", "17:00")), List.of(), List.of(),
                List.of());
        LocalDate before = LocalDate.of(2026, 3, 23);
        LocalDate after = LocalDate.of(2026, 3, 30);

        List<TimeRange> worked = rule.between(before, after, CALENDAR);

        assertThat(worked).extracting(TimeRange::start).containsExactly(
                Instant.parse("2026-03-23T08:00:00Z"), Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(worked).allSatisfy(range -> assertThat(CALENDAR.local(range.start()).toLocalTime())
                .isEqualTo(LocalTime.of(9, 0)));
    }

    @Test
    void hoursThatStartInTheSkippedHourStartWhenTheClocksHaveJumped() {
        // 29 March 2026: the clocks go from 02:00 to 03:00; a Sunday shift from 02:30 starts at 03:30 summer time
        LocalDate springSunday = LocalDate.of(2026, 3, 29);
        WorkingTime rule = new WorkingTime(List.of(weekly(DayOfWeek.SUNDAY, "02:30", "06:00")), List.of(), List.of(),
                List.of());

        assertThat(rule.between(springSunday, springSunday, CALENDAR)).containsExactly(
                new TimeRange(Instant.parse("2026-03-29T01:30:00Z"), Instant.parse("2026-03-29T04:00:00Z")));
    }

    @Test
    void theNightTheClocksGoBackIsAnHourLonger() {
        // 25 October 2026: 03:00 summer time becomes 02:00 winter time, so 00:00-06:00 lasts seven hours
        LocalDate autumnSunday = LocalDate.of(2026, 10, 25);
        WorkingTime rule = new WorkingTime(List.of(weekly(DayOfWeek.SUNDAY, "00:00", "06:00")), List.of(), List.of(),
                List.of());

        TimeRange night = rule.between(autumnSunday, autumnSunday, CALENDAR).getFirst();

        assertThat(java.time.Duration.between(night.start(), night.end())).hasHours(7);
    }

    private static Weekly weekly(DayOfWeek day, String start, String end) {
        return new Weekly(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    private static TimeRange local(LocalDate day, String start, String end) {
        return new TimeRange(instant(day, start), instant(day, end));
    }

    private static Instant instant(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(COPENHAGEN).toInstant();
    }
}
