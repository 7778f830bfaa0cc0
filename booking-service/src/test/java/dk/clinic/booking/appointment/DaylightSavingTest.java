package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.booking.workinghours.TimeRange;
import dk.clinic.booking.workinghours.WorkingHoursService;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.UUID;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Europe/Copenhagen: clocks went forward on 2026-03-29 and back on 2026-10-25 (working time is computed for any day).
 * Bookings need days ahead, so those stories take the next changes at least four weeks away from the zone's rules:
 * always a Sunday, so the Friday before and the Monday after are working days.
 */
@QuarkusTest
class DaylightSavingTest {

    private static final ZoneId CLINIC = ZoneId.of("Europe/Copenhagen");

    /** The Sunday of the next change at least four weeks ahead: forward (a gap) or back (an overlap). */
    private static LocalDate nextChange(boolean forward) {
        ZoneRules rules = CLINIC.getRules();
        ZoneOffsetTransition change = rules.nextTransition(
                AdjustableClock.today(CLINIC).plusWeeks(4).atStartOfDay(CLINIC).toInstant());
        while (change.isGap() != forward) {
            change = rules.nextTransition(change.getInstant());
        }
        return change.getDateTimeBefore().toLocalDate();
    }

    @Inject
    WorkingHoursService schedule;

    @Test
    void aWeeklyMorningStaysAtEightOClockLocalOnBothSidesOfEachChange() {
        UUID practitioner = Fixtures.practitioner("Weekly", WEEKDAYS_8_TO_16, "dry_needling");

        List<TimeRange> spring = schedule.workingTime(List.of(practitioner),
                LocalDate.parse("2026-03-27"), LocalDate.parse("2026-03-30")).get(practitioner);
        assertThat(spring).extracting(TimeRange::start).containsExactly(
                Instant.parse("2026-03-27T07:00:00Z"), Instant.parse("2026-03-27T11:30:00Z"),  // Friday, winter time
                Instant.parse("2026-03-30T06:00:00Z"), Instant.parse("2026-03-30T10:30:00Z")); // Monday, summer time

        List<TimeRange> autumn = schedule.workingTime(List.of(practitioner),
                LocalDate.parse("2026-10-23"), LocalDate.parse("2026-10-26")).get(practitioner);
        assertThat(autumn).extracting(TimeRange::start).containsExactly(
                Instant.parse("2026-10-23T06:00:00Z"), Instant.parse("2026-10-23T10:30:00Z"),
                Instant.parse("2026-10-26T07:00:00Z"), Instant.parse("2026-10-26T11:30:00Z"));
    }

    @Test
    void bookingsAtNineOClockLandAtNineOClockBeforeAndAfterEachChange() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Nine", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Nina", "Clock");

        LocalDate spring = nextChange(true);
        LocalDate autumn = nextChange(false);
        LocalDate fridayBeforeSpring = spring.minusDays(2);
        LocalDate mondayAfterSpring = spring.plusDays(1);

        Fixtures.book(patient, type, practitioner, fridayBeforeSpring + "T09:00").then().statusCode(201)
                .body("start", equalTo(fridayBeforeSpring + "T08:00:00Z"))   // winter time, UTC+1
                .body("localStart", equalTo(fridayBeforeSpring + "T09:00"));
        Fixtures.book(patient, type, practitioner, mondayAfterSpring + "T09:00").then().statusCode(201)
                .body("start", equalTo(mondayAfterSpring + "T07:00:00Z"))    // summer time, UTC+2
                .body("localStart", equalTo(mondayAfterSpring + "T09:00"));
        Fixtures.book(patient, type, practitioner, autumn.minusDays(2) + "T09:00").then().statusCode(201)
                .body("start", equalTo(autumn.minusDays(2) + "T07:00:00Z"));
        Fixtures.book(patient, type, practitioner, autumn.plusDays(1) + "T09:00").then().statusCode(201)
                .body("start", equalTo(autumn.plusDays(1) + "T08:00:00Z"));

        given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("practitioner", practitioner)
                .queryParam("from", fridayBeforeSpring.toString()).queryParam("to", mondayAfterSpring.toString())
                .queryParam("limit", 200)
                .get("/api/slots")
                .then().statusCode(200)
                .body("localStart", hasItem(mondayAfterSpring + "T08:00"))
                .body("localStart", not(hasItem(mondayAfterSpring + "T09:00")))
                .body("localStart", everyItem(not(containsString("T07:"))))
                .body("localStart", everyItem(not(containsString("T16:"))));
    }

    @Test
    void aTimeTheClocksSkipIsRefusedWithAClearMessage() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Night", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Natalie", "Gap");

        for (String skipped : List.of("2026-03-29T02:30", nextChange(true) + "T02:30")) {
            Fixtures.book(patient, type, practitioner, skipped)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("start"))
                    .body("errors[0].reason", containsString("does not exist in Europe/Copenhagen"))
                    .body("errors[0].reason", containsString("02:00 to 03:00"));
        }
        given().header("Authorization", Tokens.receptionist()).contentType("application/json")
                .body("{\"practitionerId\":\"%s\",\"kind\":\"absence\",\"start\":\"2026-03-29T02:15\",\"end\":\"2026-03-29T10:00\"}".formatted(practitioner))
                .post("/api/availability-exceptions")
                .then().statusCode(400).body("errors[0].field", equalTo("start"));
        given().header("Authorization", Tokens.receptionist()).contentType("application/json")
                .body("{\"practitionerId\":\"%s\",\"kind\":\"absence\",\"start\":\"2026-10-25T02:30+03:00\",\"end\":\"2026-10-25T10:00\"}".formatted(practitioner))
                .post("/api/availability-exceptions")
                .then().statusCode(400).body("errors[0].reason", containsString("not a valid offset"));
    }
}
