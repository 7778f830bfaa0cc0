package dk.clinic.reporting.report;

import dk.clinic.contracts.EventType;
import dk.clinic.reporting.CareEvents;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A small clinic's year, sent as the services' events, and the figures the clinic lead gets from it: worked out by
 * hand here. Each test uses a year of its own, so the period filter keeps the tests apart on the shared read model.
 */
@QuarkusTest
class ReportsTest {

    private static final String PERIOD = "from=2031-01-01&to=2031-12-31";

    /** A patient's episode as the test writes it. */
    private record Patient(String modality, int baseline, List<Integer> sessionPains, int latest, String decision,
                           boolean closed) {
    }

    private static final List<Patient> CLINIC = List.of(
            // dry needling: pain50 responders 1, 4, 6 (3 of 6); first response at sessions 3, -, -, 2, -, 1
            new Patient("dry_needling", 8, List.of(7, 5, 3), 3, "discharge", true),
            new Patient("dry_needling", 7, List.of(6, 5, 4), 4, "switch", false),
            new Patient("dry_needling", 6, List.of(6, 6, 6), 6, "switch", false),
            new Patient("dry_needling", 9, List.of(6, 4, 2), 2, "discharge", true),
            new Patient("dry_needling", 5, List.of(5, 5, 5), 5, "continue", false),
            new Patient("dry_needling", 8, List.of(4, 4, 4), 4, "discharge", true),
            // shockwave: pain50 responders 1, 3, 5 (3 of 5)
            new Patient("radial_shockwave", 7, List.of(2), 2, null, false),
            new Patient("radial_shockwave", 6, List.of(5), 5, null, false),
            new Patient("radial_shockwave", 8, List.of(3), 3, null, false),
            new Patient("radial_shockwave", 7, List.of(6), 6, null, false),
            new Patient("radial_shockwave", 9, List.of(4), 4, null, false),
            // two episodes without a plan: too few to show, and shockwave is hidden with them so they cannot be
            // worked out from the total
            new Patient(null, 6, List.of(), 2, null, false),
            new Patient(null, 7, List.of(), 7, null, false));

    @Test
    void theClinicLeadsFiguresAreRightSmallGroupsAreHiddenAndRedeliveryReorderingAndARebuildChangeNothing() {
        CareEvents events = new CareEvents();
        UUID practitioner = UUID.randomUUID();
        Instant january = Instant.parse("2031-01-06T08:00:00Z");
        for (int p = 0; p < CLINIC.size(); p++) {
            send(events, CLINIC.get(p), practitioner, january.plus(Duration.ofDays(p)));
        }

        JsonPath responders = await().atMost(Duration.ofSeconds(60)).until(
                () -> report("responders", "definition=pain50"),
                json -> json.getInt("total.responders.of") == 13);
        assertThat(responders.getLong("minimumPatients")).isEqualTo(5);
        assertThat(responders.getList("rows.modality")).containsExactly("dry_needling", "no_plan", "radial_shockwave");
        assertThat(responders.getInt("rows[0].responders.count")).isEqualTo(3);
        assertThat(responders.getInt("rows[0].responders.of")).isEqualTo(6);
        assertThat(responders.getDouble("rows[0].responders.share")).isEqualTo(0.5);
        // Wilson, 3 of 6: 0.1876 to 0.8124
        assertThat(responders.getDouble("rows[0].responders.lower")).isCloseTo(0.1876, within(0.0001));
        assertThat(responders.getDouble("rows[0].responders.upper")).isCloseTo(0.8124, within(0.0001));
        // 2 patients without a plan: suppressed; shockwave (5) hidden with them, never shown as 0
        assertThat(responders.getBoolean("rows[1].responders.suppressed")).isTrue();
        assertThat(responders.getString("rows[1].responders.count")).isNull();
        assertThat(responders.getBoolean("rows[2].responders.suppressed")).isTrue();
        assertThat(responders.getString("rows[2].responders.of")).isNull();
        // the total: 3 + 3 + 1 responders (6 -> 2 without a plan) of 13
        assertThat(responders.getInt("total.responders.count")).isEqualTo(7);

        JsonPath mcic = report("responders", "definition=mcic");
        // improvement of at least 2 points: dry needling 5, 3, 0, 7, 0, 4 -> 4 of 6
        assertThat(mcic.getInt("rows[0].responders.count")).isEqualTo(4);

        JsonPath episodes = report("episodes", "");
        assertThat(episodes.getInt("rows[0].started.value")).isEqualTo(6);
        // three closed: too few to show, in the row and in the total
        assertThat(episodes.getBoolean("rows[0].closed.suppressed")).isTrue();
        assertThat(episodes.getBoolean("total.closed.suppressed")).isTrue();
        assertThat(episodes.getBoolean("rows[1].started.suppressed")).isTrue();
        assertThat(episodes.getBoolean("rows[2].started.suppressed")).isTrue();
        assertThat(episodes.getInt("total.started.value")).isEqualTo(13);
        // baseline first-step pain of dry needling: 8 7 6 9 5 8 -> mean 43/6; latest 3 4 6 2 5 4 -> 4
        assertThat(episodes.getDouble("rows[0].baselinePain.mean")).isCloseTo(43.0 / 6, within(1e-6));
        assertThat(episodes.getDouble("rows[0].latestPain.mean")).isCloseTo(4.0, within(1e-6));
        // t-interval of 3 4 6 2 5 4: sd 1.4142, half-width 2.5706 * 1.4142 / sqrt(6) = 1.4841
        assertThat(episodes.getDouble("rows[0].latestPain.lower")).isCloseTo(4 - 1.4841, within(0.0001));

        JsonPath sessions = report("sessions-to-response", "definition=pain50");
        // dry needling: responses at 1, 2, 3; censored at 3 (three) -> S(1)=5/6, S(2)=4/6, S(3)=0.5: median 3
        assertThat(sessions.getInt("rows[0].medianSessions")).isEqualTo(3);
        assertThat(sessions.getInt("rows[0].responded")).isEqualTo(3);
        assertThat(sessions.getDouble("rows[0].curve[2].notYetResponded")).isCloseTo(0.5, within(1e-6));

        JsonPath trajectory = report("pain-trajectory", "modality=dry_needling");
        assertThat(trajectory.getList("rows.sessionNumber")).containsExactly(1, 2, 3);
        assertThat(trajectory.getDouble("rows[0].firstStepPain.mean")).isCloseTo(34.0 / 6, within(1e-6));
        assertThat(trajectory.getDouble("rows[2].firstStepPain.mean")).isCloseTo(4.0, within(1e-6));

        JsonPath decisions = report("review-decisions", "");
        // continue 1, switch 2, discharge 3, refer 0: three small cells hidden, the zero shown, the total kept
        assertThat(decisions.getList("rows.decision")).containsExactly("continue", "switch", "discharge", "refer");
        assertThat(decisions.getBoolean("rows[0].decisions.suppressed")).isTrue();
        assertThat(decisions.getBoolean("rows[1].decisions.suppressed")).isTrue();
        assertThat(decisions.getBoolean("rows[2].decisions.suppressed")).isTrue();
        assertThat(decisions.getInt("rows[3].decisions.count")).isZero();
        assertThat(decisions.getInt("total.decisions.count")).isEqualTo(6);

        JsonPath attendance = report("attendance", "modality=dry_needling");
        // 18 fulfilled, 2 no-shows, 1 late cancellation; the early cancellation was not expected
        assertThat(attendance.getInt("rows[0].planned.value")).isEqualTo(21);
        assertThat(attendance.getInt("rows[0].attended.count")).isEqualTo(18);
        assertThat(attendance.getInt("rows[0].noShows.count")).isEqualTo(2);
        assertThat(attendance.getInt("rows[0].lateCancellations.count")).isEqualTo(1);

        // the practitioner's episodes are those they delivered a session in: not the two without a plan
        JsonPath theirs = report("episodes", "practitioner=" + practitioner);
        assertThat(theirs.getInt("total.started.value")).isEqualTo(11);

        String before = everyReport();
        // every event again, last first and under new ids: duplicates and out-of-order arrivals change nothing
        long kept = eventsKept();
        int resent = events.resendAllReversedAsNewEvents();
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsKept() >= kept + resent);
        assertThat(everyReport()).isEqualTo(before);

        given().header("Authorization", Tokens.admin()).post("/api/read-model/rebuild")
                .then().statusCode(200).body("events", org.hamcrest.Matchers.greaterThanOrEqualTo((int) (kept + resent)));
        assertThat(everyReport()).isEqualTo(before);
    }

    @Test
    void aPatientWithTwoEpisodesIsOnePatientWhereverPatientsAreCounted() {
        CareEvents events = new CareEvents();
        UUID practitioner = UUID.randomUUID();
        Instant march = Instant.parse("2033-03-07T08:00:00Z");
        UUID twice = UUID.randomUUID();
        for (int p = 0; p < 6; p++) {
            // the first two episodes are the same patient's: six episodes, five patients
            UUID patient = p < 2 ? twice : UUID.randomUUID();
            UUID episode = UUID.randomUUID();
            UUID plan = UUID.randomUUID();
            UUID course = UUID.randomUUID();
            Instant opened = march.plus(Duration.ofDays(p));
            events.episode(EventType.EPISODE_OPENED, episode, patient, "plantar_heel_pain", false, null, opened, null, 0);
            events.plan(plan, episode, patient, 1, List.of(course), List.of("dry_needling"), List.of("active"));
            UUID appointment = UUID.randomUUID();
            events.appointment(EventType.APPOINTMENT_FULFILLED, appointment, patient, practitioner, "dry_needling", plan,
                    course, opened.plus(Duration.ofDays(7)), "fulfilled", null, 2);
            events.session(EventType.SESSION_RECORDED, UUID.randomUUID(), patient, episode, plan, course,
                    "dry_needling", 1, appointment, opened.plus(Duration.ofDays(7)), 5, 1);
        }
        String period = "from=2033-03-01&to=2033-03-31";
        JsonPath episodes = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                        .header("Authorization", Tokens.analyst()).get("/api/reports/episodes?" + period)
                        .then().statusCode(200).extract().jsonPath(),
                json -> json.getInt("total.started.value") == 6);
        assertThat(episodes.getInt("rows[0].started.patients")).isEqualTo(5);
        assertThat(episodes.getInt("total.started.patients")).isEqualTo(5);
        JsonPath trajectory = await().atMost(Duration.ofSeconds(60)).until(() -> given()
                        .header("Authorization", Tokens.analyst()).get("/api/reports/pain-trajectory?" + period)
                        .then().statusCode(200).extract().jsonPath(),
                json -> json.getInt("rows[0].firstStepPain.n") == 6);
        assertThat(trajectory.getInt("rows[0].firstStepPain.patients")).isEqualTo(5);
        JsonPath attendance = given().header("Authorization", Tokens.analyst())
                .get("/api/reports/attendance?" + period).then().statusCode(200).extract().jsonPath();
        assertThat(attendance.getInt("total.planned.value")).isEqualTo(6);
        assertThat(attendance.getInt("total.planned.patients")).isEqualTo(5);
    }

    @Test
    void anAnswerIsKeptOnlyForTheReadModelAsItStandsANewEventOrARebuildIsSeenAtOnce() throws SQLException {
        CareEvents events = new CareEvents();
        Instant june = Instant.parse("2034-06-05T08:00:00Z");
        String period = "from=2034-06-01&to=2034-06-30";
        List<UUID> episodes = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            UUID episode = UUID.randomUUID();
            episodes.add(episode);
            events.episode(EventType.EPISODE_OPENED, episode, UUID.randomUUID(), "plantar_heel_pain", false, null,
                    june.plus(Duration.ofDays(p)), null, 0);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> startedIn(period) == 6);
        assertThat(startedIn(period)).as("asked again: the kept answer").isEqualTo(6);

        // one more event: the next answer counts it
        events.episode(EventType.EPISODE_OPENED, UUID.randomUUID(), UUID.randomUUID(), "plantar_heel_pain", false, null,
                june.plus(Duration.ofDays(9)), null, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> startedIn(period) == 7);

        // a read model damaged behind the service's back answers wrongly (and that answer is kept) until a rebuild,
        // which the next answer shows at once, though the event log did not change
        var database = TestInfrastructure.get().database();
        try (Connection admin = DriverManager.getConnection(database.adminJdbcUrl(), database.adminUser(),
                database.adminPassword()); Statement statement = admin.createStatement()) {
            statement.executeUpdate("delete from reporting.episode where id = '" + episodes.getFirst() + "'");
        }
        // the damage is seen once the answer is worked out again: a new event (another condition) makes it so
        long kept = eventsKept();
        events.episode(EventType.EPISODE_OPENED, UUID.randomUUID(), UUID.randomUUID(), "achilles_tendinopathy", false,
                null, june.plus(Duration.ofDays(10)), null, 0);
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsKept() > kept);
        assertThat(startedIn(period)).as("seven heel-pain episodes less the damaged one, and the new one").isEqualTo(7);
        given().header("Authorization", Tokens.admin()).post("/api/read-model/rebuild").then().statusCode(200);
        assertThat(startedIn(period)).as("rebuilt from the same events: all eight").isEqualTo(8);
    }

    private static int startedIn(String period) {
        JsonPath answer = given().header("Authorization", Tokens.analyst()).get("/api/reports/episodes?" + period)
                .then().statusCode(200).extract().jsonPath();
        return answer.get("total.started.value") == null ? 0 : answer.getInt("total.started.value");
    }

    @Test
    void aReportAsCsvNamesItsFiltersAndThresholdAndShowsSuppressedCellsAsBelowTheThreshold() {
        given().header("Authorization", Tokens.analyst()).accept("text/csv")
                .get("/api/reports/responders?from=2031-01-01&to=2031-12-31&definition=pain50")
                .then().statusCode(200)
                .header("Content-Type", containsString("text/csv"))
                .body(containsString("# report: responders\r\n"))
                .body(containsString("# from: 2031-01-01\r\n"))
                .body(containsString("# condition: all\r\n"))
                .body(containsString("# definition: pain50\r\n"))
                .body(containsString("# minimum patients: 5"))
                .body(containsString("modality,responders.count,responders.of,responders.patients,responders.share,"
                        + "responders.lower,responders.upper\r\n"));
    }

    @Test
    void onlyTheClinicLeadAndAdminsReadReportsAndOnlyAdminsRebuild() {
        given().get("/api/reports/episodes").then().statusCode(401);
        given().header("Authorization", Tokens.receptionist()).get("/api/reports/episodes").then().statusCode(403);
        given().header("Authorization", Tokens.practitioner()).get("/api/reports/responders").then().statusCode(403);
        given().header("Authorization", Tokens.analyst()).get("/api/reports/attendance").then().statusCode(200);
        given().header("Authorization", Tokens.admin()).get("/api/reports/attendance").then().statusCode(200);
        given().header("Authorization", Tokens.analyst()).post("/api/read-model/rebuild").then().statusCode(403);
    }

    @Test
    void filtersThatCannotBeMetAreRefusedNamingTheField() {
        given().header("Authorization", Tokens.analyst()).get("/api/reports/responders?definition=pain30")
                .then().statusCode(400).body("errors[0].field", equalTo("definition"));
        given().header("Authorization", Tokens.analyst()).get("/api/reports/episodes?from=2031-02-01&to=2031-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().header("Authorization", Tokens.analyst()).get("/api/reports/responders?definition=vas60&scale=nrs_first_step_pain")
                .then().statusCode(400).body("errors[0].field", equalTo("scale"));
        given().header("Authorization", Tokens.analyst()).get("/api/reports/sessions-to-response?definition=vas60")
                .then().statusCode(400).body("errors[0].field", equalTo("definition"));
        given().header("Authorization", Tokens.analyst()).get("/api/reports/episodes?modality=Dry%20Needling")
                .then().statusCode(400).body("errors[0].field", equalTo("modality"));
        given().header("Authorization", Tokens.analyst()).get("/api/reports/episodes?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    private static void send(CareEvents events, Patient patient, UUID practitioner, Instant opened) {
        UUID id = UUID.randomUUID();
        UUID episode = UUID.randomUUID();
        LocalDate day = opened.atOffset(ZoneOffset.UTC).toLocalDate();
        events.episode(EventType.EPISODE_OPENED, episode, id, "plantar_heel_pain", false, null, opened, null, 0);
        events.outcome(id, episode, "nrs_first_step_pain", "baseline", day, patient.baseline());
        events.outcome(id, episode, "nrs_first_step_pain", "week_6", day.plusWeeks(6), patient.latest());
        if (patient.modality() == null) {
            return;
        }
        UUID plan = UUID.randomUUID();
        UUID course = UUID.randomUUID();
        events.plan(plan, episode, id, 1, List.of(course), List.of(patient.modality()), List.of("active"));
        for (int s = 0; s < patient.sessionPains().size(); s++) {
            UUID session = UUID.randomUUID();
            UUID appointment = UUID.randomUUID();
            Instant at = opened.plus(Duration.ofDays(7L * (s + 1)));
            events.appointment(EventType.APPOINTMENT_BOOKED, appointment, id, practitioner, patient.modality(), plan,
                    course, at, "booked", null, 0);
            events.appointment(EventType.APPOINTMENT_FULFILLED, appointment, id, practitioner, patient.modality(), plan,
                    course, at, "fulfilled", null, 2);
            events.session(EventType.SESSION_DELIVERED, session, id, episode, plan, course, patient.modality(), s + 1,
                    appointment, at, null, 0);
            events.session(EventType.SESSION_RECORDED, session, id, episode, plan, course, patient.modality(), s + 1,
                    appointment, at, patient.sessionPains().get(s), 1);
        }
        int index = CLINIC.indexOf(patient);
        if (patient.modality().equals("dry_needling")) {
            Instant missed = opened.plus(Duration.ofDays(30));
            String status = switch (index) {
                case 0, 1 -> "noshow";
                case 2, 3 -> "cancelled";
                default -> null;
            };
            if (status != null) {
                String cancellation = index == 2 ? "{\"by\":\"patient\",\"late\":true}"
                        : index == 3 ? "{\"by\":\"patient\",\"late\":false}" : null;
                events.appointment(status.equals("noshow") ? EventType.APPOINTMENT_NO_SHOW
                                : EventType.APPOINTMENT_CANCELLED, UUID.randomUUID(), id, practitioner,
                        patient.modality(), plan, course, missed, status, cancellation, 1);
            }
            events.review(id, episode, plan, course, "dry_needling", 3, patient.decision(),
                    opened.plus(Duration.ofDays(22)));
        }
        if (patient.closed()) {
            Instant closed = opened.plus(Duration.ofDays(60));
            events.episode(EventType.EPISODE_CLOSED, episode, id, "plantar_heel_pain", false, null, opened, closed, 3);
            // a late, older version arriving after the closing must not reopen it
            events.episode(EventType.EPISODE_OPENED, episode, id, "plantar_heel_pain", false, null, opened, null, 0);
        }
    }

    private static JsonPath report(String name, String query) {
        return given().header("Authorization", Tokens.analyst())
                .get("/api/reports/" + name + "?" + PERIOD + (query.isEmpty() ? "" : "&" + query))
                .then().statusCode(200).extract().jsonPath();
    }

    private static String everyReport() {
        StringBuilder all = new StringBuilder();
        for (String query : List.of("episodes?", "responders?definition=pain50&", "responders?definition=mcic&",
                "sessions-to-response?definition=mcic&", "sessions-to-response?definition=pain50&", "pain-trajectory?",
                "review-decisions?", "attendance?")) {
            all.append(given().header("Authorization", Tokens.analyst())
                    .get("/api/reports/" + query + PERIOD).then().statusCode(200).extract().asString()).append('\n');
        }
        return all.toString();
    }

    private static long eventsKept() {
        return given().header("Authorization", Tokens.analyst()).get("/api/read-model")
                .then().statusCode(200).extract().jsonPath().getLong("events");
    }
}
