package dk.clinic.booking.waitlist;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.EventContracts;
import dk.clinic.contracts.Topic;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dk.clinic.booking.Fixtures.WEEKDAYS_8_TO_16;
import static dk.clinic.testing.KafkaTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class WaitlistTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Copenhagen");

    @Inject
    OfferExpiry expiry;

    @Test
    void aLateCancellationFreesTheTimeAndTheFirstPatientOnTheWaitlistGetsAnOffer() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Hanne", Fixtures.EVERY_DAY, "dry_needling");
        Map<String, Object> soon = slotBetween(type, practitioner, Duration.ofHours(3), Duration.ofHours(20));
        String localStart = (String) soon.get("localStart");
        String karens = Fixtures.book(Fixtures.registerPatient("Karen", "Cancels"), type, practitioner, localStart)
                .then().statusCode(201).extract().path("id");
        UUID ole = Fixtures.registerPatient("Ole", "Waits");
        LocalDate today = AdjustableClock.today(CLINIC_ZONE);
        String entry = addToWaitlist(ole, type, null, today + "T00:00", today.plusDays(2) + "T00:00", 3);

        cancel(karens, "patient").then().statusCode(200).body("cancellation.late", equalTo(true));

        Map<String, Object> offer = openOfferFor(entry);
        assertThat(offer.get("patientId")).isEqualTo(ole.toString());
        assertThat(offer.get("practitionerId")).isEqualTo(practitioner.toString());
        assertThat(offer.get("start")).isEqualTo(soon.get("start"));
        assertThat(offer.get("localStart")).isEqualTo(localStart);
        assertThat(Instant.parse((String) offer.get("expiresAt"))).isAfter(AdjustableClock.now());
        entryOf(entry).then().body("status", equalTo("offered"));

        ConsumerRecord<String, String> event = KafkaTestClient.await(Topic.BOOKING_WAITLIST,
                r -> offer.get("id").equals(header(r, "ce_subject")), 1, Duration.ofSeconds(30)).getFirst();
        assertThat(event.key()).isEqualTo(ole.toString());
        assertThat(header(event, "ce_type")).isEqualTo("clinic.booking.waitlist.offer-made.v1");
        assertThat(EventContracts.get().contract("clinic.booking.waitlist.offer-made.v1").topic())
                .isEqualTo("booking.waitlist");
        assertThat(EventContracts.get().headerViolations(KafkaTestClient.cloudEventHeaders(event))).isEmpty();
        assertThat(EventContracts.get().violations(header(event, "ce_type"), event.value())).isEmpty();
        assertThat(event.value()).contains(entry).contains(practitioner.toString());
    }

    @Test
    void theUrgentPatientIsOfferedTheTimeBeforeOneWhoWaitedLonger() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Priority", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-07T10:00");
        String routine = addToWaitlist(Fixtures.registerPatient("Rolf", "Routine"), type, practitioner,
                "2027-06-01T08:00", "2027-06-30T16:00", 4);
        String urgent = addToWaitlist(Fixtures.registerPatient("Ursula", "Urgent"), type, null,
                "2027-06-07T08:00", "2027-06-08T16:00", 1);

        cancel(booked, "clinic").then().statusCode(200);

        assertThat(openOfferFor(urgent).get("localStart")).isEqualTo("2027-06-07T10:00");
        entryOf(routine).then().body("status", equalTo("waiting"));
        assertThat(offers("open", routine)).isEmpty();
    }

    @Test
    void acceptingAnOfferBooksTheAppointmentForThePatientOnTheWaitlist() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Accept", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-08T09:30");
        UUID lise = Fixtures.registerPatient("Lise", "Accepts");
        String entry = addToWaitlist(lise, type, practitioner, "2027-06-08T08:00", "2027-06-08T16:00", 2);
        cancel(booked, "patient").then().statusCode(200);
        String offer = (String) openOfferFor(entry).get("id");

        String appointment = answer(offer, "accept").then().statusCode(201)
                .header("Location", containsString("/api/appointments/"))
                .header("ETag", "\"0\"")
                .body("patientId", equalTo(lise.toString()))
                .body("practitionerId", equalTo(practitioner.toString()))
                .body("localStart", equalTo("2027-06-08T09:30"))
                .body("status", equalTo("booked"))
                .extract().path("id");

        given().header("Authorization", Tokens.receptionist()).get("/api/appointments/{id}", appointment)
                .then().statusCode(200).body("patientId", equalTo(lise.toString()));
        entryOf(entry).then().body("status", equalTo("booked"));
        assertThat(offers("accepted", entry)).singleElement()
                .satisfies(o -> assertThat(o.get("appointmentId")).isEqualTo(appointment));
        answer(offer, "accept").then().statusCode(409).body("currentStatus", equalTo("accepted"));
    }

    @Test
    void anOfferForTimeThatWasBookedMeanwhileCannotBeAcceptedAndNamesOtherTimes() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Taken", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-09T11:00");
        String entry = addToWaitlist(Fixtures.registerPatient("Tove", "TooLate"), type, null,
                "2027-06-09T08:00", "2027-06-09T16:00", 2);
        cancel(booked, "patient").then().statusCode(200);
        String offer = (String) openOfferFor(entry).get("id");
        bookAt(type, practitioner, "2027-06-09T11:00"); // the phone rang first

        answer(offer, "accept").then().statusCode(409)
                .body("resource.kind", equalTo("practitioner"))
                .body("alternatives", hasSize(3));
        entryOf(entry).then().body("status", equalTo("offered"));
    }

    @Test
    void anExpiredOfferCannotBeAcceptedAndTheTimeGoesToTheNextPatient() throws Exception {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Expiry", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-07T13:00");
        String first = addToWaitlist(Fixtures.registerPatient("Frida", "First"), type, null,
                "2027-06-07T08:00", "2027-06-07T16:00", 1);
        String next = addToWaitlist(Fixtures.registerPatient("Niels", "Next"), type, null,
                "2027-06-07T08:00", "2027-06-07T16:00", 2);
        cancel(booked, "patient").then().statusCode(200);
        String offer = (String) openOfferFor(first).get("id");

        setExpiryIntoThePast(offer);
        answer(offer, "accept").then().statusCode(410)
                .body("type", containsString("offer-expired"))
                .body("expiresAt", notNullValue());
        expiry.expireOverdue();

        assertThat(offers("expired", first)).singleElement().satisfies(o -> assertThat(o.get("id")).isEqualTo(offer));
        entryOf(first).then().body("status", equalTo("waiting"));
        assertThat(openOfferFor(next).get("localStart")).isEqualTo("2027-06-07T13:00");
        assertThat(offers("open", first)).isEmpty();
        answer(offer, "decline").then().statusCode(410);
    }

    @Test
    void aDeclinedOfferPassesTheTimeToTheNextPatient() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Decline", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-08T14:00");
        String first = addToWaitlist(Fixtures.registerPatient("Dorte", "Declines"), type, null,
                "2027-06-08T08:00", "2027-06-10T16:00", 1);
        String next = addToWaitlist(Fixtures.registerPatient("Niels", "Takes"), type, null,
                "2027-06-08T08:00", "2027-06-10T16:00", 3);
        cancel(booked, "clinic").then().statusCode(200);
        String offer = (String) openOfferFor(first).get("id");

        answer(offer, "decline").then().statusCode(200).body("status", equalTo("declined"));

        entryOf(first).then().body("status", equalTo("waiting"));
        assertThat(offers("open", first)).isEmpty();
        assertThat(openOfferFor(next).get("localStart")).isEqualTo("2027-06-08T14:00");
        answer(offer, "accept").then().statusCode(409);
    }

    @Test
    void aWithdrawnPatientIsPassedOver() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = Fixtures.practitioner("Withdraw", WEEKDAYS_8_TO_16, "dry_needling");
        String booked = bookAt(type, practitioner, "2027-06-09T09:00");
        String gone = addToWaitlist(Fixtures.registerPatient("Gunnar", "Gone"), type, null,
                "2027-06-09T08:00", "2027-06-09T16:00", 1);
        String staying = addToWaitlist(Fixtures.registerPatient("Stine", "Stays"), type, null,
                "2027-06-09T08:00", "2027-06-09T16:00", 5);

        withdraw(gone, null).then().statusCode(428);
        withdraw(gone, "\"7\"").then().statusCode(412);
        withdraw(gone, "\"0\"").then().statusCode(200).body("status", equalTo("withdrawn")).header("ETag", "\"1\"");
        withdraw(gone, "\"1\"").then().statusCode(409);
        cancel(booked, "patient").then().statusCode(200);

        assertThat(openOfferFor(staying).get("localStart")).isEqualTo("2027-06-09T09:00");
        assertThat(offers(null, gone)).isEmpty();
        given().header("Authorization", Tokens.receptionist()).queryParam("status", "withdrawn")
                .get("/api/waitlist").then().statusCode(200)
                .body("findAll { it.id == '%s' }".formatted(gone), hasSize(1));
    }

    @Test
    void aWaitlistEntryNeedsAWindowInTheFutureKnownReferencesAndAPriorityFromOneToFive() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID patient = Fixtures.registerPatient("Bad", "Input");
        UUID osteopath = Fixtures.practitioner("Osteo", WEEKDAYS_8_TO_16, "osteopathy");

        post(patient, type, null, "2027-06-09T16:00", "2027-06-09T08:00", 2).then().statusCode(400)
                .body("errors[0].field", equalTo("latest"));
        post(patient, type, null, "2020-06-01T08:00", "2020-06-09T08:00", 2).then().statusCode(400)
                .body("errors[0].field", equalTo("latest"));
        post(patient, type, null, "2027-03-28T02:30", "2027-06-09T08:00", 2).then().statusCode(400)
                .body("errors[0].field", equalTo("earliest"));
        post(UUID.randomUUID(), type, null, "2027-06-01T08:00", "2027-06-09T08:00", 2).then().statusCode(422)
                .body("errors[0].field", equalTo("patientId"));
        post(patient, UUID.randomUUID(), null, "2027-06-01T08:00", "2027-06-09T08:00", 2).then().statusCode(422)
                .body("errors[0].field", equalTo("appointmentTypeId"));
        post(patient, type, osteopath, "2027-06-01T08:00", "2027-06-09T08:00", 2).then().statusCode(422)
                .body("errors[0].field", equalTo("practitionerId"));
        post(patient, type, null, "2027-06-01T08:00", "2027-06-09T08:00", 9).then().statusCode(400)
                .body("errors[0].field", equalTo("priority"));
        post(patient, type, null, "soon", "2027-06-09T08:00", 2).then().statusCode(400)
                .body("errors[0].field", equalTo("earliest"));
        given().header("Authorization", Tokens.practitioner()).contentType(ContentType.JSON)
                .body(entryJson(patient, type, null, "2027-06-01T08:00", "2027-06-09T08:00", 2))
                .post("/api/waitlist").then().statusCode(403);
        given().header("Authorization", Tokens.receptionist()).queryParam("patient", patient)
                .get("/api/waitlist").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", Tokens.receptionist()).queryParam("status", "lost")
                .get("/api/waitlist").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    private static String entryJson(UUID patient, UUID type, UUID practitioner, String earliest, String latest,
                                    int priority) {
        return """
                {"patientId":"%s","appointmentTypeId":"%s",%s"earliest":"%s","latest":"%s","priority":%d}"""
                .formatted(patient, type, practitioner == null ? "" : "\"practitionerId\":\"" + practitioner + "\",",
                        earliest, latest, priority);
    }

    private static Response post(UUID patient, UUID type, UUID practitioner, String earliest, String latest,
                                 int priority) {
        return given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(entryJson(patient, type, practitioner, earliest, latest, priority))
                .post("/api/waitlist");
    }

    private static String addToWaitlist(UUID patient, UUID type, UUID practitioner, String earliest, String latest,
                                        int priority) {
        return post(patient, type, practitioner, earliest, latest, priority).then().statusCode(201)
                .header("ETag", "\"0\"").body("status", equalTo("waiting")).extract().path("id");
    }

    private static Response entryOf(String entry) {
        return given().header("Authorization", Tokens.receptionist()).get("/api/waitlist/{id}", entry)
                .then().statusCode(200).extract().response();
    }

    private static Response withdraw(String entry, String ifMatch) {
        var request = given().header("Authorization", Tokens.receptionist());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.delete("/api/waitlist/{id}", entry);
    }

    private static Response answer(String offer, String answer) {
        return given().header("Authorization", Tokens.receptionist())
                .post("/api/waitlist/offers/{id}/" + answer, offer);
    }

    /** The entry's offers, with the given status or any. */
    private static List<Map<String, Object>> offers(String status, String entry) {
        var request = given().header("Authorization", Tokens.receptionist());
        if (status != null) {
            request.queryParam("status", status);
        }
        List<Map<String, Object>> all = request.get("/api/waitlist/offers").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(o -> entry.equals(o.get("entryId"))).toList();
    }

    /** The entry's open offer: the follow-up of the change that freed the time makes it right after that commits. */
    private static Map<String, Object> openOfferFor(String entry) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> offers("open", entry), open -> open.size() == 1)
                .getFirst();
    }

    private static String bookAt(UUID type, UUID practitioner, String localStart) {
        return Fixtures.book(Fixtures.registerPatient("Booked", "Before"), type, practitioner, localStart)
                .then().statusCode(201).extract().path("id");
    }

    private static Response cancel(String appointment, String by) {
        return given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"by\":\"%s\",\"reason\":\"Ill\"}".formatted(by))
                .post("/api/appointments/{id}/cancel", appointment);
    }

    /** The first free slot starting between {@code after} and {@code before} from now. */
    private static Map<String, Object> slotBetween(UUID type, UUID practitioner, Duration after, Duration before) {
        LocalDate today = AdjustableClock.today(CLINIC_ZONE);
        List<Map<String, Object>> slots = given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("practitioner", practitioner)
                .queryParam("from", today.toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("limit", 200)
                .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("$");
        Instant now = AdjustableClock.now();
        return slots.stream()
                .filter(s -> Instant.parse((String) s.get("start")).isAfter(now.plus(after))
                        && Instant.parse((String) s.get("start")).isBefore(now.plus(before)))
                .findFirst().orElseThrow();
    }

    private static void setExpiryIntoThePast(String offer) throws Exception {
        var database = TestInfrastructure.get().database();
        try (Connection connection = DriverManager.getConnection(database.adminJdbcUrl(), database.adminUser(),
                database.adminPassword());
             var statement = connection.prepareStatement(
                     "update booking.waitlist_offer set expires_at = now() - interval '1 minute' where id = ?")) {
            statement.setObject(1, UUID.fromString(offer));
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
