package dk.clinic.booking.appointment;

import dk.clinic.booking.Fixtures;
import dk.clinic.booking.schedule.ScheduleService;
import dk.clinic.booking.schedule.TimeRange;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
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

/** Europe/Copenhagen: clocks go forward on 2026-03-29 and 2027-03-28, back on 2026-10-25 and 2027-10-31. */
@QuarkusTest
class DaylightSavingTest {

    @Inject
    ScheduleService schedule;

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

        Fixtures.book(patient, type, practitioner, "2027-03-26T09:00").then().statusCode(201)
                .body("start", equalTo("2027-03-26T08:00:00Z")).body("localStart", equalTo("2027-03-26T09:00"));
        Fixtures.book(patient, type, practitioner, "2027-03-29T09:00").then().statusCode(201)
                .body("start", equalTo("2027-03-29T07:00:00Z")).body("localStart", equalTo("2027-03-29T09:00"));
        Fixtures.book(patient, type, practitioner, "2027-10-29T09:00").then().statusCode(201)
                .body("start", equalTo("2027-10-29T07:00:00Z"));
        Fixtures.book(patient, type, practitioner, "2027-11-01T09:00").then().statusCode(201)
                .body("start", equalTo("2027-11-01T08:00:00Z"));

        given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("practitioner", practitioner)
                .queryParam("from", "2027-03-26").queryParam("to", "2027-03-29").queryParam("limit", 200)
                .get("/api/slots")
                .then().statusCode(200)
                .body("localStart", hasItem("2027-03-29T08:00"))
                .body("localStart", not(hasItem("2027-03-29T09:00")))
                .body("localStart", everyItem(not(containsString("T07:"))))
                .body("localStart", everyItem(not(containsString("T16:"))));
    }

    @Test
    void aTimeTheClocksSkipIsRefusedWithAClearMessage() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Night", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Natalie", "Gap");

        for (String skipped : List.of("2026-03-29T02:30", "2027-03-28T02:30")) {
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
