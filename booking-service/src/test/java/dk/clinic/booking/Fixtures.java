package dk.clinic.booking;

import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;

/**
 * Sets up what a story needs through the public API, as an admin or receptionist would. Names and codes get a
 * random suffix, so stories sharing one database never meet. The stories are written on the calendar of 2027: the
 * services' clock in the tests ({@link dk.clinic.testing.AdjustableClock}) starts on 1 December 2026, so those dates
 * lie ahead whatever the real date is.
 */
public final class Fixtures {

    /** Monday to Friday 08:00-16:00 with lunch 12:00-12:30, in the clinic's local time. */
    public static final String WEEKDAYS_8_TO_16 = weekdays("08:00", "16:00", "12:00", "12:30");
    /** Every day 00:00-23:45 without breaks: a time can always be booked soon after the tests' now. */
    public static final String EVERY_DAY = """
            {"days":[%s]}""".formatted(String.join(",", Stream.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
                    "FRIDAY", "SATURDAY", "SUNDAY")
            .map(d -> "{\"weekday\":\"%s\",\"start\":\"00:00\",\"end\":\"23:45\",\"breaks\":[]}".formatted(d))
            .toList()));

    private Fixtures() {
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
