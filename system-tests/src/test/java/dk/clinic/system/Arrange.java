package dk.clinic.system;

import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What a story needs to find in place before it starts, set up the way the clinic's own users would, through the
 * running services' REST APIs (with the test issuer's tokens), and read back afterwards to see what a page did.
 */
final class Arrange {

    static final Duration EVENTUAL = Duration.ofSeconds(60);
    static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Copenhagen");
    static final String WEEKDAYS_8_TO_16 = weeklyHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY), "08:00", "16:00",
            "[{\"start\":\"12:00\",\"end\":\"12:30\"}]");
    /** Around the clock, so that a story can always book a time soon and see it, whenever the tests run. */
    static final String EVERY_DAY = weeklyHours(List.of(DayOfWeek.values()), "00:00", "23:45", "[]");

    private final RunningClinic clinic;

    Arrange(RunningClinic clinic) {
        this.clinic = clinic;
    }

    RequestSpecification booking(String token) {
        return given().baseUri(clinic.booking()).header("Authorization", token).contentType(ContentType.JSON);
    }

    RequestSpecification treatment(String token) {
        return given().baseUri(clinic.treatment()).header("Authorization", token).contentType(ContentType.JSON);
    }

    UUID practitioner(String name, String weeklyHours, String... modalities) {
        UUID id = created(booking(Tokens.admin())
                .body(Map.of("name", name, "profession", "physiotherapist", "modalities", List.of(modalities)))
                .post("/api/practitioners"));
        booking(Tokens.admin()).body(weeklyHours).put("/api/working-hours/{id}", id).then().statusCode(200);
        return id;
    }

    UUID device(String name, String deviceKind) {
        return created(booking(Tokens.admin()).body(Map.of("name", name, "deviceKind", deviceKind))
                .post("/api/devices"));
    }

    /** An appointment type of one name in every language, with five minutes to tidy up after it. */
    UUID appointmentType(String code, String name, int minutes, String modality, String deviceKind) {
        Map<String, Object> type = new java.util.HashMap<>(Map.of("code", code,
                "name", Map.of("da", name, "nb", name, "en", name), "durationMinutes", minutes,
                "bufferBeforeMinutes", 0, "bufferAfterMinutes", 5, "modality", modality));
        if (deviceKind != null) {
            type.put("deviceKind", deviceKind);
        }
        return created(booking(Tokens.admin()).body(type).post("/api/appointment-types"));
    }

    UUID patient(String givenName, String familyName) {
        return created(booking(Tokens.receptionist()).body("""
                {"givenName":"%s","familyName":"%s","birthDate":"1971-04-12","email":"patient@example.dk",
                 "phone":"+45 20 12 34 56","preferredLanguage":"da","reminderConsent":true}"""
                .formatted(givenName, familyName)).post("/api/patients"));
    }

    /** Waits until treatment-service knows the patient from booking's event, then opens an episode of heel pain. */
    UUID episode(UUID patient) {
        await().atMost(EVENTUAL).until(() -> treatment(Tokens.practitioner())
                .get("/api/patients/{id}", patient).statusCode() == 200);
        return created(treatment(Tokens.practitioner()).body("""
                {"patientId":"%s","condition":"plantar_heel_pain","side":"right","symptomWeeks":10,
                 "load":{"weightKg":88,"runs":true,"standingWork":false,"footwear":"Running shoes"},
                 "referralSource":"self","redFlags":{"noImprovement":false,"swellingRednessWarmth":false,
                 "cannotStandOrWalk":false,"systemicDisease":false}}""".formatted(patient)).post("/api/episodes"));
    }

    /** The scheduling request a plan sent the reception, once booking-service has it. */
    Map<String, Object> openRequest(UUID plan, String reason) {
        return await().atMost(EVENTUAL).until(() -> booking(Tokens.receptionist()).get("/api/scheduling-requests")
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                        .filter(r -> plan.toString().equals(r.get("planId")) && reason.equals(r.get("reason")))
                        .findFirst().orElse(null),
                found -> found != null);
    }

    /** The first free time of the type with the practitioner that starts after {@code notBefore}, as local time. */
    String firstFreeTime(UUID type, UUID practitioner, Instant notBefore) {
        LocalDate from = LocalDate.ofInstant(notBefore, CLINIC_ZONE);
        List<Map<String, Object>> slots = booking(Tokens.receptionist()).queryParam("type", type)
                .queryParam("practitioner", practitioner).queryParam("from", from.toString())
                .queryParam("to", from.plusDays(2).toString()).queryParam("limit", 200)
                .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("$");
        return slots.stream().filter(slot -> Instant.parse((String) slot.get("start")).isAfter(notBefore))
                .map(slot -> (String) slot.get("localStart")).findFirst()
                .orElseThrow(() -> new AssertionError("no free time after " + notBefore));
    }

    UUID book(UUID patient, UUID type, UUID practitioner, String localStart) {
        return created(booking(Tokens.receptionist()).body(Map.of("patientId", patient, "appointmentTypeId", type,
                "practitionerId", practitioner, "start", localStart)).post("/api/appointments"));
    }

    /** The patient's appointments, in the order of their start. */
    List<Map<String, Object>> appointmentsOf(UUID patient) {
        return booking(Tokens.receptionist()).queryParam("patient", patient).get("/api/appointments")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    Map<String, Object> appointment(Object id) {
        return booking(Tokens.receptionist()).get("/api/appointments/{id}", id)
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    static LocalDateTime local(Object localStart) {
        return LocalDateTime.parse(((String) localStart).substring(0, 16));
    }

    static String etag(Response response) {
        return response.then().statusCode(200).extract().header("ETag");
    }

    static UUID created(Response response) {
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201 but was " + response.statusCode() + ": " + response.asString());
        }
        return UUID.fromString(response.path("id"));
    }

    /** Today in the clinic's time zone (booking-service's default, Europe/Copenhagen). */
    static LocalDate today() {
        return LocalDate.now(CLINIC_ZONE);
    }

    static String weeklyHours(List<DayOfWeek> weekdays, String start, String end, String breaks) {
        StringBuilder days = new StringBuilder();
        for (DayOfWeek day : weekdays) {
            days.append(days.isEmpty() ? "" : ",").append("""
                    {"weekday":"%s","start":"%s","end":"%s","breaks":%s}""".formatted(day, start, end, breaks));
        }
        return "{\"days\":[" + days + "]}";
    }
}
