package dk.clinic.booking.series;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.SchemaSnapshot;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Europe/Copenhagen: the clocks go forward on Sunday 2027-03-28. 2027-03-16 is a Tuesday. The tests' clock starts
 * before these dates (see {@link Fixtures}).
 */
@QuarkusTest
class SeriesTest {

    private static final String BOOKED = "clinic.booking.appointment.booked.v1";


    private static Response bookSeries(String json) {
        return given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON).body(json)
                .post("/api/series");
    }

    private static String weekly(UUID patient, UUID type, UUID practitioner, String firstStart, int count) {
        return """
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"%s","count":%d}"""
                .formatted(patient, type, practitioner, firstStart, count);
    }

    private static Response act(String seriesId, String action, String ifMatch, String body) {
        var request = given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.body(body).post("/api/series/{id}/" + action, seriesId);
    }

    private static Response readSeries(String seriesId) {
        return given().header("Authorization", Tokens.practitioner()).get("/api/series/{id}", seriesId);
    }

    @Test
    void fourWeeklyDryNeedlingSessionsAreBookedAtNineOClockLocalAcrossTheSpringChange() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Søren", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Karen", "Course");

        Response booked = bookSeries(weekly(patient, type, practitioner, "2027-03-16T09:00", 4));
        booked.then().statusCode(201)
                .header("ETag", "\"0\"")
                .header("Location", containsString("/api/series/"))
                .body("intervalDays", equalTo(7))
                .body("occurrences", hasSize(4))
                .body("occurrences.seriesPosition", contains(1, 2, 3, 4))
                .body("occurrences.practitionerId", everyItem(equalTo(practitioner.toString())))
                .body("occurrences.status", everyItem(equalTo("booked")))
                .body("occurrences.localStart", contains(
                        "2027-03-16T09:00", "2027-03-23T09:00", "2027-03-30T09:00", "2027-04-06T09:00"))
                .body("occurrences.start", contains(
                        "2027-03-16T08:00:00Z", "2027-03-23T08:00:00Z", "2027-03-30T07:00:00Z", "2027-04-06T07:00:00Z"));
        String seriesId = booked.path("id");
        List<String> ids = booked.path("occurrences.id");

        readSeries(seriesId).then().statusCode(200).header("ETag", "\"0\"")
                .body("occurrences.id", contains(ids.toArray()))
                .body("occurrences.seriesId", everyItem(equalTo(seriesId)));
        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", ids.get(2))
                .then().statusCode(200)
                .body("action", contains("booked"))
                .body("[0].details.seriesId", equalTo(seriesId))
                .body("[0].details.seriesPosition", equalTo(3));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS,
                r -> ids.contains(header(r, "ce_subject")) && BOOKED.equals(header(r, "ce_type")), 4,
                Duration.ofSeconds(30));
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(patient.toString());
        assertThat(events).allSatisfy(e -> {
            assertThat(EventContracts.get().violations(BOOKED, e.value())).isEmpty();
            assertThat(e.value()).contains(seriesId);
        });
    }

    @Test
    void aCourseWhoseThirdWeekIsTakenBooksNothingAndAcceptingAnAlternativeBooksIt() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Lene", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Hanne", "Heel");
        Fixtures.book(Fixtures.registerPatient("Other", "Patient"), type, practitioner, "2027-05-17T10:00")
                .then().statusCode(201);

        Response refused = bookSeries(weekly(patient, type, practitioner, "2027-05-03T10:00", 4));
        refused.then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", containsString("series-does-not-fit"))
                .body("occurrences.position", contains(1, 2, 3, 4))
                .body("occurrences.ok", contains(true, true, false, true))
                .body("occurrences.localStart", contains(
                        "2027-05-03T10:00", "2027-05-10T10:00", "2027-05-17T10:00", "2027-05-24T10:00"))
                .body("occurrences[2].reason", equalTo("resource-taken"))
                .body("occurrences[2].resource.kind", equalTo("practitioner"))
                .body("occurrences[2].resource.id", equalTo(practitioner.toString()))
                .body("occurrences[2].resource.name", startsWith("Lene"))
                .body("occurrences[2].alternatives", hasSize(3))
                .body("occurrences[2].alternatives[0].localStart", equalTo("2027-05-17T10:30"))
                .body("occurrences[0].alternatives", nullValue());
        given().header("Authorization", Tokens.receptionist()).get("/api/appointments?patient={p}", patient)
                .then().statusCode(200).header("X-Total-Count", "0");
        assertThat(seriesOf(patient)).isZero();

        String alternative = refused.path("occurrences[2].alternatives[0].localStart");
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s",
                 "starts":["2027-05-03T10:00","2027-05-10T10:00","%s","2027-05-24T10:00"]}"""
                .formatted(patient, type, practitioner, alternative))
                .then().statusCode(201)
                .body("occurrences.localStart", contains(
                        "2027-05-03T10:00", "2027-05-10T10:00", "2027-05-17T10:30", "2027-05-24T10:00"));
        assertThat(seriesOf(patient)).isEqualTo(1);
    }

    @Test
    void anOccurrenceOutsideWorkingHoursOrInTheSkippedHourIsListedWithTheReason() {
        String everyDay = """
                {"days":[%s]}""".formatted(Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
                        "SATURDAY", "SUNDAY")
                .map(d -> "{\"weekday\":\"%s\",\"start\":\"00:00\",\"end\":\"23:45\",\"breaks\":[]}".formatted(d))
                .collect(Collectors.joining(",")));
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID nightOwl = Fixtures.practitioner("Nat", everyDay, "dry_needling");
        UUID patient = Fixtures.registerPatient("Gap", "Week");

        bookSeries(weekly(patient, type, nightOwl, "2027-03-21T02:30", 2))
                .then().statusCode(409)
                .body("occurrences.ok", contains(true, false))
                .body("occurrences[1].reason", equalTo("time-does-not-exist"))
                .body("occurrences[1].detail", containsString("02:00 to 03:00"));

        UUID weekdays = Fixtures.practitioner("Vera", WEEKDAYS_8_TO_16, "dry_needling");
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"2027-06-04T10:00",
                 "count":3,"intervalDays":1}""".formatted(patient, type, weekdays)) // Friday, Saturday, Sunday
                .then().statusCode(409)
                .body("occurrences.ok", contains(true, false, false))
                .body("occurrences[1].reason", equalTo("outside-working-hours"))
                .body("occurrences[1].alternatives[0].localStart", equalTo("2027-06-07T08:00"));
        given().header("Authorization", Tokens.receptionist()).get("/api/appointments?patient={p}", patient)
                .then().statusCode(200).header("X-Total-Count", "0");
    }

    @Test
    void threeWeeklyShockwaveSessionsStayOnOneUnit() {
        String deviceKind = Fixtures.code("shockwave");
        UUID unitA = Fixtures.device(deviceKind);
        UUID unitB = Fixtures.device(deviceKind);
        UUID type = Fixtures.appointmentType("radial_shockwave", 20, 0, 10, null, deviceKind);
        UUID mette = Fixtures.practitioner("Mette", WEEKDAYS_8_TO_16, "radial_shockwave");
        UUID ole = Fixtures.practitioner("Ole", WEEKDAYS_8_TO_16, "radial_shockwave");
        // another patient holds one unit in the first week, so the course starts on the other one
        String firstWeeksUnit = Fixtures.book(Fixtures.registerPatient("Erik", "Early"), type, ole, "2027-06-01T09:00")
                .then().statusCode(201).extract().path("deviceId");
        String courseUnit = firstWeeksUnit.equals(unitA.toString()) ? unitB.toString() : unitA.toString();

        bookSeries(weekly(Fixtures.registerPatient("Jens", "Shock"), type, mette, "2027-06-01T09:00", 3))
                .then().statusCode(201)
                .body("occurrences.deviceId", contains(courseUnit, courseUnit, courseUnit));

        // a second course: in its first week only that unit is free, in its third week that unit is taken. The third
        // week fails naming the unit, though the other one is free then.
        bookOnUnit(type, ole, firstWeeksUnit, "2027-06-15T10:00");
        bookOnUnit(type, ole, courseUnit, "2027-06-29T10:00");
        bookSeries(weekly(Fixtures.registerPatient("Karl", "Second"), type, mette, "2027-06-15T10:00", 3))
                .then().statusCode(409)
                .body("occurrences.ok", contains(true, true, false))
                .body("occurrences[2].reason", equalTo("resource-taken"))
                .body("occurrences[2].resource.kind", equalTo("device"))
                .body("occurrences[2].resource.id", equalTo(courseUnit));
    }

    private static void bookOnUnit(UUID type, UUID practitioner, String device, String localStart) {
        given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","deviceId":"%s",
                         "start":"%s"}""".formatted(Fixtures.registerPatient("Other", "Unit"), type, practitioner,
                        device, localStart))
                .post("/api/appointments").then().statusCode(201);
    }

    @Test
    void movingOneOccurrenceKeepsItInTheSeries() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Ida", WEEKDAYS_8_TO_16, "dry_needling");
        Response booked = bookSeries(weekly(Fixtures.registerPatient("One", "Move"), type, practitioner,
                "2027-09-06T11:00", 3));
        String seriesId = booked.then().statusCode(201).extract().path("id");
        String second = booked.path("occurrences[1].id");

        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"start\":\"2027-09-14T14:00\",\"reason\":\"Patient works Monday\"}")
                .post("/api/appointments/{id}/reschedule", second)
                .then().statusCode(200)
                .body("seriesId", equalTo(seriesId))
                .body("seriesPosition", equalTo(2))
                .body("localStart", equalTo("2027-09-14T14:00"));

        readSeries(seriesId).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("occurrences.localStart", contains("2027-09-06T11:00", "2027-09-14T14:00", "2027-09-20T11:00"));
    }

    @Test
    void movingThisAndTheFollowingShiftsThemOnTheWallClockAndAStaleVersionIsRefused() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Bo", WEEKDAYS_8_TO_16, "dry_needling");
        Response booked = bookSeries(weekly(Fixtures.registerPatient("Rest", "Move"), type, practitioner,
                "2027-03-16T09:00", 4));
        String seriesId = booked.then().statusCode(201).extract().path("id");
        List<String> ids = booked.path("occurrences.id");
        String tuesdaysToWednesdays = "{\"fromPosition\":2,\"start\":\"2027-03-24T10:00\",\"reason\":\"New shifts\"}";

        act(seriesId, "reschedule", null, tuesdaysToWednesdays).then().statusCode(428);
        act(seriesId, "reschedule", "\"0\"", tuesdaysToWednesdays)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("version", equalTo(1))
                .body("occurrences.id", contains(ids.toArray()))
                .body("occurrences.localStart", contains(
                        "2027-03-16T09:00", "2027-03-24T10:00", "2027-03-31T10:00", "2027-04-07T10:00"))
                .body("occurrences.start", contains(
                        "2027-03-16T08:00:00Z", "2027-03-24T09:00:00Z", "2027-03-31T08:00:00Z", "2027-04-07T08:00:00Z"));
        act(seriesId, "reschedule", "\"0\"", "{\"fromPosition\":3,\"start\":\"2027-04-01T10:00\"}")
                .then().statusCode(412);

        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", ids.get(3))
                .then().statusCode(200)
                .body("action", contains("booked", "rescheduled"))
                .body("[1].details.seriesId", equalTo(seriesId))
                .body("[1].details.fromPosition", equalTo(2))
                .body("[1].details.reason", equalTo("New shifts"));

        // the fourth week is taken at the new time: nothing moves, and the refusal names position 4
        Fixtures.book(Fixtures.registerPatient("In", "TheWay"), type, practitioner, "2027-04-09T10:00")
                .then().statusCode(201);
        act(seriesId, "reschedule", "\"1\"", "{\"fromPosition\":2,\"start\":\"2027-03-26T10:00\"}")
                .then().statusCode(409)
                .body("position", equalTo(4))
                .body("resource.kind", equalTo("practitioner"))
                .body("alternatives", not(hasSize(0)));
        readSeries(seriesId).then().statusCode(200).header("ETag", "\"1\"")
                .body("occurrences.localStart", contains(
                        "2027-03-16T09:00", "2027-03-24T10:00", "2027-03-31T10:00", "2027-04-07T10:00"));
    }

    @Test
    void cancellingTheRestFreesTheirTimesForOtherPatients() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Per", WEEKDAYS_8_TO_16, "dry_needling");
        Response booked = bookSeries(weekly(Fixtures.registerPatient("Better", "Soon"), type, practitioner,
                "2027-08-02T13:00", 4));
        String seriesId = booked.then().statusCode(201).extract().path("id");
        List<String> ids = booked.path("occurrences.id");
        String rest = "{\"fromPosition\":3,\"by\":\"patient\",\"reason\":\"Pain gone after two sessions\"}";

        act(seriesId, "cancel", "\"7\"", rest).then().statusCode(412);
        act(seriesId, "cancel", "\"0\"", "{\"fromPosition\":9,\"by\":\"patient\",\"reason\":\"x\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("fromPosition"));
        act(seriesId, "cancel", "\"0\"", rest)
                .then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("occurrences.status", contains("booked", "booked", "cancelled", "cancelled"))
                .body("occurrences[2].cancellation.by", equalTo("patient"));
        act(seriesId, "cancel", "\"1\"", rest).then().statusCode(409);

        Fixtures.book(Fixtures.registerPatient("Waiting", "Patient"), type, practitioner, "2027-08-16T13:00")
                .then().statusCode(201);
        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}/history", ids.get(2))
                .then().statusCode(200)
                .body("action", contains("booked", "cancelled"))
                .body("[1].details.seriesId", equalTo(seriesId))
                .body("[1].details.fromPosition", equalTo(3));
        Set<String> cancelled = Set.of(ids.get(2), ids.get(3));
        KafkaTestClient.await(Topic.BOOKING_APPOINTMENTS, r -> cancelled.contains(header(r, "ce_subject"))
                && "clinic.booking.appointment.cancelled.v1".equals(header(r, "ce_type")), 2, Duration.ofSeconds(30));
    }

    @Test
    void aSeriesLongerThanTheClinicsLimitOrWithoutItsTimesIsRefusedByField() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Max", WEEKDAYS_8_TO_16, "dry_needling");
        UUID patient = Fixtures.registerPatient("Too", "Many");

        bookSeries(weekly(patient, type, practitioner, "2027-10-04T10:00", 21))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("count")).body("errors[0].reason", containsString("20"));
        String tooMany = Stream.iterate(1, d -> d + 1).limit(21).map(d -> "\"2027-11-%02dT10:00\"".formatted(d))
                .collect(Collectors.joining(","));
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","starts":[%s]}"""
                .formatted(patient, type, practitioner, tooMany))
                .then().statusCode(400).body("errors[0].field", equalTo("starts"));
        bookSeries(weekly(patient, type, practitioner, "2027-10-04T10:00", 0))
                .then().statusCode(400).body("errors[0].field", equalTo("count"));
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","firstStart":"2027-10-04T10:00",
                 "count":3,"intervalDays":91}""".formatted(patient, type, practitioner))
                .then().statusCode(400).body("errors[0].field", equalTo("intervalDays"));
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","count":3}"""
                .formatted(patient, type, practitioner))
                .then().statusCode(400).body("errors[0].field", equalTo("firstStart"));
        bookSeries("""
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s",
                 "starts":["2027-10-11T10:00","2027-10-04T10:00"]}""".formatted(patient, type, practitioner))
                .then().statusCode(400).body("errors[0].field", equalTo("starts[1]"));
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body(weekly(patient, type, practitioner, "2027-10-04T10:00", 3)).post("/api/series")
                .then().statusCode(403);
        readSeries(UUID.randomUUID().toString()).then().statusCode(404).body("requestId", notNullValue());
        given().header("Authorization", Tokens.receptionist()).get("/api/appointments?patient={p}", patient)
                .then().statusCode(200).header("X-Total-Count", "0");
    }

    /** How many series the patient has, read from the database: a refused series leaves none behind. */
    private static long seriesOf(UUID patient) {
        TestInfrastructure.TestDatabase database = TestInfrastructure.get().database();
        return new SchemaSnapshot(database.adminJdbcUrl(), database.adminUser(), database.adminPassword(), "booking")
                .count("appointment_series", "patient_id = '" + patient + "'");
    }
}
