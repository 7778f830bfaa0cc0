package dk.clinic.system;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.ServiceProcess;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.ThrowawayPostgres;
import dk.clinic.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What a change sets in motion survives the service dying right after the change committed: booking-service is
 * started with its follow-up worker held back, so the window between the commit and the follow-up stays open, then
 * killed (SIGKILL) in it; the next booking-service on the same database carries the follow-ups out, once.
 */
class FollowUpCrashSystemTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    /** Requests from plans arrive on a topic of this test's own, so no other booking-service of the run reads them. */
    private static final String OWN_TOPIC = "follow-up-crash-test.treatment.scheduling";
    private static final Map<String, String> OWN_EVENTS = Map.of(
            "MP_MESSAGING_INCOMING_CLINIC_EVENTS_TOPICS", OWN_TOPIC + ",follow-up-crash-test.treatment.plans",
            "MP_MESSAGING_INCOMING_CLINIC_EVENTS_GROUP_ID", "follow-up-crash-test");

    @Test
    void aWaitlistOfferAndAnAutomaticBookingLeftByACrashAreMadeOnceByTheNextInstance() throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("system-tests/target/follow-up-crash");
        Files.createDirectories(work);
        IssuerKeys keys = IssuerKeys.testIssuer(work.resolve("issuer"));
        String broker = TestInfrastructure.get().broker().bootstrapServers();
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            LocalDate day = LocalDate.now(ZoneId.of("Europe/Copenhagen")).plusDays(10);
            UUID type;
            UUID waiting;
            UUID plan = UUID.randomUUID();
            UUID request = UUID.randomUUID();
            UUID planPatient;
            try (ServiceProcess crashing = ServiceProcess.start(root, "booking-service", work.resolve("first"),
                    postgres.jdbcUrl(), broker, keys, withOwnEvents("CLINIC_FOLLOW_UPS_WORKER_ENABLED", "false"))) {
                String url = crashing.url();
                UUID practitioner = created(api(url, Tokens.admin()).body("""
                        {"name":"Pernille Crash","profession":"physiotherapist","modalities":["dry_needling"]}""")
                        .post("/api/practitioners"));
                api(url, Tokens.admin()).body(everyDay()).put("/api/working-hours/{id}", practitioner)
                        .then().statusCode(200);
                type = created(api(url, Tokens.admin()).body("""
                        {"code":"dn30","name":{"da":"Dry needling","nb":"Dry needling","en":"Dry needling"},
                         "durationMinutes":30,"bufferBeforeMinutes":0,"bufferAfterMinutes":0,"modality":"dry_needling"}""")
                        .post("/api/appointment-types"));
                UUID booked = created(api(url, Tokens.receptionist()).body(appointment(patient(url, "Bente"), type,
                        practitioner, day + "T10:00")).post("/api/appointments"));
                waiting = created(api(url, Tokens.receptionist()).body("""
                        {"patientId":"%s","appointmentTypeId":"%s","earliest":"%sT08:00","latest":"%sT16:00","priority":1}"""
                        .formatted(patient(url, "Vera"), type, day, day)).post("/api/waitlist"));
                planPatient = patient(url, "Aksel");

                // the cancellation commits; its follow-up, offering the time to Vera, is recorded with it
                api(url, Tokens.receptionist()).header("If-Match", "\"0\"").body("{\"by\":\"patient\",\"reason\":\"Ill\"}")
                        .post("/api/appointments/{id}/cancel", booked).then().statusCode(200);
                // a plan asks for sessions to be booked automatically; the request is stored with its follow-up
                KafkaTestClient.publishTo(OWN_TOPIC, UUID.randomUUID(), EventType.SCHEDULING_REQUESTED,
                        planPatient.toString(), UUID.randomUUID().toString(), """
                                {"requestId":"%s","planId":"%s","courseId":"%s","patientId":"%s","modality":"dry_needling",
                                 "sessions":3,"intervalDays":7,"deviceNeeded":false,"autoBook":true,"reason":"course_created"}"""
                                .formatted(request, plan, UUID.randomUUID(), planPatient));
                await().atMost(EVENTUAL).until(() -> followUps(postgres) == 2);
                assertThat(offers(url, waiting)).as("no offer before the follow-up runs").isEmpty();

                crashing.kill();
            }
            assertThat(followUps(postgres)).as("the follow-ups outlive the process").isEqualTo(2);

            try (ServiceProcess next = ServiceProcess.start(root, "booking-service", work.resolve("next"),
                    postgres.jdbcUrl(), broker, keys, OWN_EVENTS)) {
                String url = next.url();
                await().atMost(EVENTUAL).until(() -> followUps(postgres) == 0);
                assertThat(offers(url, waiting)).as("the freed time was offered to Vera, once").hasSize(1)
                        .first().satisfies(offer -> assertThat(offer.get("localStart")).isEqualTo(day + "T10:00"));
                api(url, Tokens.receptionist()).get("/api/scheduling-requests/{id}", request).then().statusCode(200)
                        .body("status", equalTo("booked"));
                String series = api(url, Tokens.receptionist()).get("/api/scheduling-requests/{id}", request)
                        .then().extract().path("seriesId");
                api(url, Tokens.receptionist()).get("/api/series/{id}", series).then().statusCode(200)
                        .body("occurrences.size()", equalTo(3)).body("patientId", equalTo(planPatient.toString()));
                api(url, Tokens.receptionist()).queryParam("patient", planPatient).get("/api/appointments")
                        .then().statusCode(200).body("size()", equalTo(3));
            }
        }
    }

    private static Map<String, String> withOwnEvents(String name, String value) {
        Map<String, String> environment = new java.util.HashMap<>(OWN_EVENTS);
        environment.put(name, value);
        return environment;
    }

    private static RequestSpecification api(String url, String token) {
        return given().baseUri(url).header("Authorization", token).contentType(ContentType.JSON);
    }

    private static UUID created(io.restassured.response.Response response) {
        return UUID.fromString(response.then().statusCode(201).extract().path("id"));
    }

    private static UUID patient(String url, String givenName) {
        return created(api(url, Tokens.receptionist()).body("""
                {"givenName":"%s","familyName":"Crashtest","birthDate":"1970-01-01","preferredLanguage":"da"}"""
                .formatted(givenName)).post("/api/patients"));
    }

    private static String appointment(UUID patient, UUID type, UUID practitioner, String start) {
        return """
                {"patientId":"%s","appointmentTypeId":"%s","practitionerId":"%s","start":"%s"}"""
                .formatted(patient, type, practitioner, start);
    }

    private static String everyDay() {
        return "{\"days\":[" + Arrays.stream(DayOfWeek.values())
                .map(d -> "{\"weekday\":\"%s\",\"start\":\"07:00\",\"end\":\"19:00\",\"breaks\":[]}".formatted(d))
                .collect(Collectors.joining(",")) + "]}";
    }

    private static List<Map<String, Object>> offers(String url, UUID entry) {
        List<Map<String, Object>> all = api(url, Tokens.receptionist()).get("/api/waitlist/offers").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(o -> entry.toString().equals(o.get("entryId"))).toList();
    }

    private static long followUps(ThrowawayPostgres postgres) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from booking.follow_up where failed_at is null")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
