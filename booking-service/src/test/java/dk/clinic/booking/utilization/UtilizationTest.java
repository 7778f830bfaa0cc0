package dk.clinic.booking.utilization;

import dk.clinic.booking.Fixtures;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

/** The clinic lead's utilization: booked over available minutes, week by week, from booking-service's own facts. */
@QuarkusTest
class UtilizationTest {

    @Test
    void aWeekOfWorkLessAnAbsentDayAgainstTheAppointmentsThatHeldThePractitionerTheRoomAndTheDevice() {
        UUID practitioner = Fixtures.practitioner("Utilized", Fixtures.WEEKDAYS_8_TO_16, "radial_shockwave");
        String roomKind = Fixtures.code("util_room");
        String deviceKind = Fixtures.code("util_device");
        UUID room = Fixtures.room(roomKind);
        UUID device = Fixtures.device(deviceKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 30, 0, 0, roomKind, deviceKind);
        UUID patient = Fixtures.registerPatient("Else", "Utilized");
        // away all Friday: 4 days of 7.5 hours (8-16 less the half-hour break) are left
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("""
                        {"practitionerId":"%s","kind":"absence","start":"2027-03-12T08:00","end":"2027-03-12T16:00",
                         "reason":"Course"}""".formatted(practitioner))
                .post("/api/availability-exceptions").then().statusCode(201);
        Fixtures.book(patient, type, practitioner, "2027-03-08T09:00").then().statusCode(201);
        Fixtures.book(patient, type, practitioner, "2027-03-09T10:00").then().statusCode(201);
        String cancelled = Fixtures.book(patient, type, practitioner, "2027-03-10T11:00").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"by\":\"patient\",\"reason\":\"Ill\"}")
                .post("/api/appointments/{id}/cancel", cancelled).then().statusCode(200);
        // the next week: one appointment on Monday
        Fixtures.book(patient, type, practitioner, "2027-03-15T09:00").then().statusCode(201);

        Map<String, Object> week = row("practitioner", practitioner, "2027-03-08");
        assertThat(week.get("availableMinutes")).isEqualTo(4 * 450);
        assertThat(week.get("bookedMinutes")).isEqualTo(60);
        assertThat(((Number) week.get("utilization")).doubleValue()).isCloseTo(60.0 / 1800, within(1e-6));
        // the period ends on Monday the 15th: that week has one day of 450 minutes, 30 of them booked
        Map<String, Object> next = row("practitioner", practitioner, "2027-03-15");
        assertThat(next.get("availableMinutes")).isEqualTo(450);
        assertThat(next.get("bookedMinutes")).isEqualTo(30);

        // the room and the device are open whenever a practitioner works (at least this one's 1800 minutes)
        Map<String, Object> roomWeek = row("room", room, "2027-03-08");
        assertThat(roomWeek.get("bookedMinutes")).isEqualTo(60);
        assertThat(((Number) roomWeek.get("availableMinutes")).intValue()).isGreaterThanOrEqualTo(1800);
        assertThat(row("device", device, "2027-03-08").get("bookedMinutes")).isEqualTo(60);
    }

    @Test
    void onlyTheClinicLeadAndAdminsSeeItAndAPeriodBackwardsOrTooLongIsRefusedNamingTheField() {
        given().header("Authorization", Tokens.receptionist()).get("/api/utilization?from=2027-03-01&to=2027-03-07")
                .then().statusCode(403);
        given().header("Authorization", Tokens.practitioner()).get("/api/utilization?from=2027-03-01&to=2027-03-07")
                .then().statusCode(403);
        given().header("Authorization", Tokens.analyst()).get("/api/utilization?from=2027-03-07&to=2027-03-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.analyst()).get("/api/utilization?from=2027-01-01&to=2027-12-31")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.analyst()).get("/api/utilization?from=2027-03-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.analyst()).get("/api/utilization?from=2027-03-01&to=2027-03-07&kind=chair")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }

    private static Map<String, Object> row(String kind, UUID resource, String week) {
        JsonPath rows = given().header("Authorization", Tokens.analyst())
                .get("/api/utilization?from=2027-03-08&to=2027-03-15&kind=" + kind)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> all = rows.getList("findAll { it.resourceId == '" + resource + "' && it.week == '" + week + "' }");
        assertThat(all).hasSize(1);
        return all.getFirst();
    }
}
