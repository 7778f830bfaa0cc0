package dk.clinic.booking.slot;

import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.slot.SlotGrid.Candidate;
import dk.clinic.booking.slot.SlotGrid.Need;
import dk.clinic.booking.workinghours.TimeRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Slot finding as a rule: the local grid, working time, buffers, rooms and devices, the preferred practitioner and
 * the daylight-saving nights. No database: working time and held time are given as they would be read.
 */
class SlotGridTest {

    private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
    private static final ClinicCalendar CALENDAR =
            new ClinicCalendar(COPENHAGEN, LocalDate.of(2025, 1, 1), LocalDate.of(2028, 12, 31));
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Need NEEDLING = new Need(Duration.ofMinutes(30), Duration.ZERO, Duration.ofMinutes(5));
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    private static final SlotGrid GRID = new SlotGrid(CALENDAR, 15);

    private final UUID mette = UUID.randomUUID();
    private final UUID jonas = UUID.randomUUID();

    @Test
    void startsLieOnTheLocalQuarterHourAndTheLastEndsWithTheShift() {
        Candidate morning = new Candidate(mette, "Mette", List.of(local("08:00", "09:30")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(morning), null, null, Map.of(), LONG_AGO, null, 50);

        assertThat(slots).extracting(slot -> slot.localStart().local().toLocalTime().toString())
                .containsExactly("08:00", "08:15", "08:30", "08:45", "09:00");
    }

    @Test
    void aShiftThatStartsOffTheGridStartsAtTheNextQuarter() {
        Candidate late = new Candidate(mette, "Mette", List.of(local("08:10", "09:00")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(late), null, null, Map.of(), LONG_AGO, null, 50);

        assertThat(slots).extracting(slot -> slot.localStart().local().toLocalTime().toString())
                .containsExactly("08:15", "08:30");
    }

    @Test
    void anAppointmentAndItsBufferKeepTheirTimeFree() {
        Candidate morning = new Candidate(mette, "Mette", List.of(local("08:00", "10:00")));
        // 08:45-09:15 is booked; a needling ending at 08:45 needs 5 minutes after it, so 08:15 does not fit either
        Map<UUID, List<TimeRange>> busy = Map.of(mette, List.of(local("08:45", "09:15")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(morning), null, null, busy, LONG_AGO, null, 50);

        assertThat(slots).extracting(slot -> slot.localStart().local().toLocalTime().toString())
                .containsExactly("08:00", "09:15", "09:30");
    }

    @Test
    void aTypeThatNeedsADeviceFitsOnlyWhileOneIsFreeAndTakesTheFirstFreeOne() {
        UUID shockwave1 = UUID.randomUUID();
        UUID shockwave2 = UUID.randomUUID();
        Candidate morning = new Candidate(mette, "Mette", List.of(local("08:00", "09:30")));
        Map<UUID, List<TimeRange>> busy = Map.of(
                shockwave1, List.of(local("08:00", "08:40")),
                shockwave2, List.of(local("08:00", "08:20")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(morning), null, List.of(shockwave1, shockwave2), busy,
                LONG_AGO, null, 50);

        // 08:30 only the second unit is free; from 08:45 both are, and the first is offered
        assertThat(slots).extracting(slot -> slot.localStart().local().toLocalTime().toString(), Slot::deviceId)
                .containsExactly(tuple("08:30", shockwave2), tuple("08:45", shockwave1), tuple("09:00", shockwave1));
    }

    @Test
    void aTypeThatNeedsARoomFindsNothingWhenNoRoomIsFree() {
        UUID room = UUID.randomUUID();
        Candidate morning = new Candidate(mette, "Mette", List.of(local("08:00", "09:00")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(morning), List.of(room), null,
                Map.of(room, List.of(local("07:00", "10:00"))), LONG_AGO, null, 50);

        assertThat(slots).isEmpty();
    }

    @Test
    void nothingBeforeNotBeforeThePreferredPractitionerFirstAndNoMoreThanTheLimit() {
        Candidate metteMorning = new Candidate(mette, "Mette", List.of(local("08:00", "10:00")));
        Candidate jonasMorning = new Candidate(jonas, "Jonas", List.of(local("08:00", "10:00")));

        List<Slot> slots = GRID.slots(NEEDLING, List.of(metteMorning, jonasMorning), null, null, Map.of(),
                instant(MONDAY, "09:00"), jonas, 4);

        assertThat(slots).extracting(Slot::practitionerName).containsExactly("Jonas", "Jonas", "Jonas", "Mette");
        assertThat(slots).allSatisfy(slot -> assertThat(slot.start()).isAfterOrEqualTo(instant(MONDAY, "09:00")));
        assertThat(slots.getFirst().preferred()).isTrue();
    }

    @Test
    void theNightTheClocksGoBackOffersTheRepeatedHourTwiceWithItsOffset() {
        // 25 October 2026: 02:00-03:00 happens twice; each 02:xx start says which one it is
        LocalDate autumnSunday = LocalDate.of(2026, 10, 25);
        Candidate night = new Candidate(mette, "Mette", List.of(new TimeRange(
                instant(autumnSunday, "02:00"), Instant.parse("2026-10-25T02:00:00Z"))));

        List<Slot> slots = GRID.slots(new Need(Duration.ofMinutes(30), Duration.ZERO, Duration.ZERO), List.of(night),
                null, null, Map.of(), LONG_AGO, null, 50);

        assertThat(slots).extracting(slot -> slot.localStart().toString()).containsExactly(
                "2026-10-25T02:00+02:00", "2026-10-25T02:15+02:00", "2026-10-25T02:30+02:00",
                "2026-10-25T02:45+02:00", "2026-10-25T02:00+01:00", "2026-10-25T02:15+01:00", "2026-10-25T02:30+01:00");
    }

    private static TimeRange local(String start, String end) {
        return new TimeRange(instant(MONDAY, start), instant(MONDAY, end));
    }

    private static Instant instant(LocalDate day, String time) {
        return LocalDateTime.of(day, LocalTime.parse(time)).atZone(COPENHAGEN).toInstant();
    }
}
