package dk.clinic.booking;

import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * Sets up what a story needs through the public API, as an admin or receptionist would. Names and codes get a
 * random suffix, so stories sharing one database never meet.
 */
public final class Fixtures {

    /** Monday to Friday 08:00-16:00 with lunch 12:00-12:30, in the clinic's local time. */
    public static final String WEEKDAYS_8_TO_16 = weekdays("08:00", "16:00", "12:00", "12:30");

    /**
     * The stories are written on the calendar of 2027, which has to lie ahead: appointments are booked in the future.
     * {@link #dated} moves every date in a text ahead by whole 52-week steps, as many as keep the first of those dates
     * (2027-01-01) at least four weeks away: none until December 2026, then 364 days, and so on. Weekdays stay, and so
     * do the daylight-saving seasons of the dates the stories use (the change in March and October drifts by a day or
     * two a year), for a few years; the daylight-saving stories name their dates next to the change, so they are the
     * first to need new dates.
     */
    private static final LocalDate FIRST_STORY_DAY = LocalDate.of(2027, 1, 1);
    private static final int STEP_DAYS = 364;
    private static final long SHIFT_DAYS = shiftDays(LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusWeeks(4));
    private static final Pattern DATE = Pattern.compile("20\\d\\d-\\d\\d-\\d\\d");

    private Fixtures() {
    }

    /**
     * {@code -Dclinic.stories.steps=N} runs the stories N steps (of 52 weeks) on, to check before it happens that they
     * still hold on a later calendar.
     */
    static long shiftDays(LocalDate earliestAllowed) {
        Integer forced = Integer.getInteger("clinic.stories.steps");
        if (forced != null) {
            return (long) forced * STEP_DAYS;
        }
        long steps = 0;
        while (FIRST_STORY_DAY.plusDays(steps * STEP_DAYS).isBefore(earliestAllowed)) {
            steps++;
        }
        return steps * STEP_DAYS;
    }

    /** {@code text} with each date (yyyy-MM-dd, also inside a date-time or an instant) moved to the stories' calendar. */
    public static String dated(String text) {
        if (SHIFT_DAYS == 0) {
            return text;
        }
        Matcher dates = DATE.matcher(text);
        StringBuilder moved = new StringBuilder();
        while (dates.find()) {
            dates.appendReplacement(moved, LocalDate.parse(dates.group()).plusDays(SHIFT_DAYS).toString());
        }
        return dates.appendTail(moved).toString();
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String code(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String patientJson(String givenName, String familyName) {
        return """
                {"givenName":"%s","familyName":"%s","birthDate":"1971-04-12","email":"karen@example.dk",
                 "phone":"+45 20 12 34 56","preferredLanguage":"da","reminderConsent":true}"""
                .formatted(givenName, familyName);
    }

    public static UUID registerPatient(String givenName, String familyName) {
        return id(given().header("Authorization", Tokens.receptionist())
                .contentType(ContentType.JSON).body(patientJson(givenName, familyName))
                .post("/api/patients"));
    }

    /** A practitioner who delivers the modalities and works {@code weeklyHours}. */
    public static UUID practitioner(String name, String weeklyHours, String... modalities) {
        String list = modalities.length == 0 ? "" : "\"" + String.join("\",\"", modalities) + "\"";
        UUID id = id(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"profession\":\"physiotherapist\",\"modalities\":[%s]}"
                        .formatted(unique(name), list))
                .post("/api/practitioners"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(weeklyHours)
                .put("/api/working-hours/{id}", id)
                .then().statusCode(200);
        return id;
    }

    public static String weekdays(String start, String end, String breakStart, String breakEnd) {
        StringBuilder days = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            days.append(days.isEmpty() ? "" : ",").append("""
                    {"weekday":"%s","start":"%s","end":"%s","breaks":[{"start":"%s","end":"%s"}]}"""
                    .formatted(day, start, end, breakStart, breakEnd));
        }
        return "{\"days\":[" + days + "]}";
    }

    public static UUID room(String roomKind) {
        return id(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"roomKind\":\"%s\"}".formatted(unique("Room"), roomKind))
                .post("/api/rooms"));
    }

    public static UUID device(String deviceKind) {
        return id(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"deviceKind\":\"%s\"}".formatted(unique("Device"), deviceKind))
                .post("/api/devices"));
    }

    /** An appointment type; roomKind and deviceKind may be null. */
    public static UUID appointmentType(String modality, int minutes, int bufferBefore, int bufferAfter,
                                       String roomKind, String deviceKind) {
        String body = """
                {"code":"%s","name":{"da":"Behandling","nb":"Behandling","en":"Treatment"},"durationMinutes":%d,
                 "bufferBeforeMinutes":%d,"bufferAfterMinutes":%d,"modality":"%s"%s%s}"""
                .formatted(code("type"), minutes, bufferBefore, bufferAfter, modality,
                        roomKind == null ? "" : ",\"roomKind\":\"" + roomKind + "\"",
                        deviceKind == null ? "" : ",\"deviceKind\":\"" + deviceKind + "\"");
        return id(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/api/appointment-types"));
    }

    public static String bookingJson(UUID patient, UUID type, UUID practitioner, String localStart) {
        return """
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","start":"%s"}"""
                .formatted(patient, type, practitioner, localStart);
    }

    public static Response book(UUID patient, UUID type, UUID practitioner, String localStart) {
        return given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body(bookingJson(patient, type, practitioner, localStart))
                .post("/api/appointments");
    }

    private static UUID id(Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }
}
