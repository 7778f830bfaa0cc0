package dk.clinic.booking.slot;

import dk.clinic.booking.Fixtures;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SlotSearchTest {

    private static final String MONDAY_MORNINGS = """
            {"days":[{"weekday":"MONDAY","start":"08:00","end":"12:00","breaks":[]}]}""";

    private static ValidatableResponse search(UUID type, UUID practitioner, String from, String to) {
        return given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("from", from).queryParam("to", to)
                .queryParam("limit", 200)
                .queryParam("practitioner", practitioner)
                .get("/api/slots").then().statusCode(200);
    }

    @Test
    void freeTimesLeaveRoomForTheBufferAndForTheColleagueWhoHasTheShockwaveUnit() {
        String deviceKind = Fixtures.code("shockwave");
        UUID device = Fixtures.device(deviceKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 20, 0, 10, null, deviceKind);
        UUID mette = Fixtures.practitioner("Mette", MONDAY_MORNINGS, "radial_shockwave");
        UUID ole = Fixtures.practitioner("Ole", MONDAY_MORNINGS, "radial_shockwave");

        // Mette has a patient at 09:00 (held until 09:30 with cleaning); Ole has the unit at 10:00 (until 10:30)
        Fixtures.book(Fixtures.registerPatient("A", "Slot"), type, mette, "2027-04-05T09:00").then().statusCode(201);
        Fixtures.book(Fixtures.registerPatient("B", "Slot"), type, ole, "2027-04-05T10:00").then().statusCode(201);

        search(type, mette, "2027-04-05", "2027-04-05")
                .body("localStart", contains(
                        "2027-04-05T08:00", "2027-04-05T08:15", "2027-04-05T08:30", "2027-04-05T09:30",
                        "2027-04-05T10:30", "2027-04-05T10:45", "2027-04-05T11:00", "2027-04-05T11:15",
                        "2027-04-05T11:30"))
                .body("deviceId", everyItem(equalTo(device.toString())))
                .body("practitionerId", everyItem(equalTo(mette.toString())));
    }

    @Test
    void withoutAPractitionerEveryoneWhoDeliversTheModalityIsSearchedEarliestFirst() {
        UUID type = Fixtures.appointmentType(Fixtures.code("osteopathy"), 45, 0, 0, null, null);
        String modality = given().header("Authorization", Tokens.receptionist())
                .get("/api/appointment-types/{id}", type).then().extract().path("modality");
        UUID first = Fixtures.practitioner("First", MONDAY_MORNINGS, modality);
        UUID second = Fixtures.practitioner("Second", MONDAY_MORNINGS, modality);
        Fixtures.practitioner("Other", MONDAY_MORNINGS, "dry_needling");
        Fixtures.book(Fixtures.registerPatient("C", "Slot"), type, first, "2027-04-12T08:00").then().statusCode(201);

        List<String> practitioners = given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("from", "2027-04-12").queryParam("to", "2027-04-12")
                .queryParam("limit", 3)
                .get("/api/slots").then().statusCode(200)
                .body("$", hasSize(3))
                .body("localStart", contains("2027-04-12T08:00", "2027-04-12T08:15", "2027-04-12T08:30"))
                .extract().path("practitionerId");
        org.assertj.core.api.Assertions.assertThat(practitioners).containsExactly(
                second.toString(), second.toString(), second.toString());
    }

    @Test
    void anAbsenceAndAClosedDayRemoveTime() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Away", MONDAY_MORNINGS, "dry_needling");
        given().header("Authorization", Tokens.receptionist()).contentType("application/json")
                .body("{\"practitionerId\":\"%s\",\"kind\":\"absence\",\"start\":\"2027-04-19T08:00\",\"end\":\"2027-04-19T11:00\",\"reason\":\"Course\"}".formatted(practitioner))
                .post("/api/availability-exceptions").then().statusCode(201);
        search(type, practitioner, "2027-04-19", "2027-04-19")
                .body("localStart", contains("2027-04-19T11:00", "2027-04-19T11:15", "2027-04-19T11:30"));

        String closure = given().header("Authorization", Tokens.admin()).contentType("application/json")
                .body("{\"firstDay\":\"2027-04-26\",\"lastDay\":\"2027-04-26\",\"reason\":\"Staff day\"}")
                .post("/api/closures").then().statusCode(201).extract().path("id");
        search(type, practitioner, "2027-04-26", "2027-04-26").body("$", hasSize(0));
        given().header("Authorization", Tokens.admin()).delete("/api/closures/{id}", closure)
                .then().statusCode(204);
    }

    @Test
    void aSearchThatMakesNoSenseIsRefused() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("from", "2027-04-10").queryParam("to", "2027-04-01")
                .get("/api/slots").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("from", "2027-01-01").queryParam("to", "2027-12-31")
                .get("/api/slots").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.receptionist())
                .queryParam("type", UUID.randomUUID()).queryParam("from", "2027-04-01").queryParam("to", "2027-04-02")
                .get("/api/slots").then().statusCode(422).body("errors[0].field", equalTo("type"));
        given().header("Authorization", Tokens.receptionist())
                .queryParam("from", "2027-04-01").queryParam("to", "2027-04-02")
                .get("/api/slots").then().statusCode(400).body("errors[0].field", equalTo("type"));
        given().header("Authorization", Tokens.analyst())
                .queryParam("type", type).queryParam("from", "2027-04-01").queryParam("to", "2027-04-02")
                .get("/api/slots").then().statusCode(403);
    }
}
