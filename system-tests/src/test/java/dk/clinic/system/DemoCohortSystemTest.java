package dk.clinic.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.demo.DemoClinic;
import dk.clinic.demo.DemoRecord;
import dk.clinic.testing.ChildProcesses;
import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.LocalKafkaBroker;
import dk.clinic.testing.ServiceProcess;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo clinic (45 patients over 8 weeks), played out through the public APIs of a clinic of its own (its own database and broker, clocks
 * that move), and every report worked out again from the generator's own record of what it created, never from a
 * service's tables: the API's figures must be the same, suppression included.
 */
class DemoCohortSystemTest {

    private static final int PATIENTS = 45;
    private static final int WEEKS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyReportOnTheDemoCohortEqualsTheFiguresWorkedOutFromTheGeneratorsRecord() throws Exception {
        Path root = RunningClinic.root();
        Path work = root.resolve("system-tests/target/demo-clinic");
        ChildProcesses.deleteRecursively(work);
        Files.createDirectories(work);
        String jdbcUrl = TestInfrastructure.separateDatabase("clinic_demo_test");
        IssuerKeys keys = IssuerKeys.testIssuer(work.resolve("issuer"));
        Map<String, String> movable = Map.of("CLINIC_CLOCK_MOVABLE", "true");
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(root, work.resolve("kafka"));
             ServiceProcess booking = ServiceProcess.start(root, "booking-service", work.resolve("booking-service"),
                     jdbcUrl, broker.bootstrapServers(), keys, movable);
             ServiceProcess treatment = ServiceProcess.start(root, "treatment-service",
                     work.resolve("treatment-service"), jdbcUrl, broker.bootstrapServers(), keys, movable);
             ServiceProcess reporting = ServiceProcess.start(root, "reporting-service",
                     work.resolve("reporting-service"), jdbcUrl, broker.bootstrapServers(), keys, movable)) {
            DemoRecord record = DemoClinic.generate(booking.url(), treatment.url(), List.of(reporting.url()), PATIENTS,
                    7, WEEKS, System.out::println);
            Files.writeString(work.resolve("demo-record.json"), DemoClinic.json(record));
            assertThat(record.episodes()).hasSize(PATIENTS);
            assertThat(record.episodes().stream().mapToInt(e -> e.sessions().size()).sum()).isGreaterThan(PATIENTS * 2);
            assertThat(record.appointments()).anyMatch(a -> a.status().equals("noshow"));
            assertThat(record.episodes()).anyMatch(e -> e.decisions().stream().anyMatch(d -> d.decision().equals("switch")));

            Expected expected = new Expected(record, 5);
            String period = "from=" + record.firstDay() + "&to=" + record.lastDay();
            for (String filters : List.of(period, period + "&condition=plantar_heel_pain")) {
                ReportCheck check = new ReportCheck(reporting.url(), filters, work.resolve("reports.txt"));
                String condition = filters.contains("condition") ? "plantar_heel_pain" : null;
                // the read model follows the events: wait until it has taken every one the demo caused
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                        check.equals("episodes", expected.episodes(condition)));
                check.equals("responders?definition=pain50", expected.responders(condition, false));
                check.equals("responders?definition=mcic", expected.responders(condition, true));
                check.equals("sessions-to-response?definition=pain50", expected.sessionsToResponse(condition, false));
                check.equals("sessions-to-response?definition=mcic", expected.sessionsToResponse(condition, true));
                check.equals("pain-trajectory", expected.painTrajectory(condition));
                check.equals("review-decisions", expected.reviewDecisions(condition));
                check.equals("attendance", expected.attendance(condition));
            }

            try (ServiceProcess web = RunningClinic.startService(root, "clinic-web", work, jdbcUrl,
                    broker.bootstrapServers(), keys, Map.of(
                            "CLINIC_BOOKING_URL", booking.url(),
                            "CLINIC_TREATMENT_URL", treatment.url(),
                            "CLINIC_REPORTING_URL", reporting.url(),
                            "CLINIC_WEB_SESSION_SECRET", "system-tests-session-secret-of-enough-length"))) {
                theClinicLeadReadsTheOutcomesOfTheDemoCohort(web.url(), reporting.url(), record);
            }
        }
    }

    /**
     * The clinic lead opens the outcome dashboard on the demo cohort in Danish, narrows it to heel pain and shares the
     * view by its address; the responder rate on the page is the API's, a figure from too few patients reads "færre
     * end 5" and never 0, and the page reads the same in Norwegian and English.
     */
    private static void theClinicLeadReadsTheOutcomesOfTheDemoCohort(String web, String reporting, DemoRecord record)
            throws Exception {
        Texts da = Texts.of("da");
        String period = "from=" + record.firstDay() + "&to=" + record.lastDay();
        try (Visit visit = Visit.to(web, "outcome-dashboard", "da-DK").signedInAs("anders")) {
            // the analyst's home is the dashboard
            assertThat(visit.heading(da.get("dashboard.title"))).isVisible();
            visit.go("/dashboard?" + period);
            Locator responders = visit.page.getByTestId("responders-table");
            assertThat(responders).isVisible();
            visit.check("dashboard-da");

            JsonNode all = report(reporting, "responders?definition=pain50&" + period);
            assertThat(responderShares(responders)).isEqualTo(responderShares(all, da));
            // a cell from fewer than 5 patients: in the API without numbers, on the page as words
            JsonNode trajectory = report(reporting, "pain-trajectory?" + period);
            assertThat(trajectory.findValues("suppressed")).anyMatch(JsonNode::asBoolean);
            assertThat(visit.page.getByTestId("trajectory").getByText(da.get("dashboard.fewerThan", Map.of("count", 5)))
                    .first()).isVisible();
            // charts are drawn, each with its table beside it
            assertThat(visit.page.locator("canvas[role=img]")).hasCount(5);

            // narrowed to heel pain with the keyboard, and the view's address shared with a colleague
            visit.page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions()
                    .setName(da.get("dashboard.condition")).setExact(true)).focus();
            visit.page.keyboard().press("ArrowDown");
            visit.tabTo(visit.button(da.get("dashboard.apply")), 12).press("Enter");
            assertThat(visit.page).hasURL(Pattern.compile("condition=plantar_heel_pain"));
            String shared = visit.page.url();
            JsonNode heel = report(reporting, "responders?definition=pain50&" + period + "&condition=plantar_heel_pain");
            try (Visit colleague = Visit.to(web, "outcome-dashboard-shared", "da-DK").signedInAs("anders")) {
                colleague.page.navigate(shared);
                Locator table = colleague.page.getByTestId("responders-table");
                assertThat(table).isVisible();
                assertThat(colleague.page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions()
                        .setName(da.get("dashboard.condition")).setExact(true))).hasValue("plantar_heel_pain");
                assertThat(responderShares(table)).isEqualTo(responderShares(heel, da));
                colleague.check("dashboard-heel-pain");
            }

            for (String language : List.of("nb", "en")) {
                Texts texts = Texts.of(language);
                visit.choose(Texts.of(visit.page.evaluate("document.documentElement.lang").toString())
                        .get("app.language"), texts.get("language." + language));
                assertThat(visit.heading(texts.get("dashboard.title"))).isVisible();
                assertThat(visit.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).first())
                        .hasText(texts.get("dashboard.episodes.title"));
                visit.check("dashboard-" + language);
            }
        }
    }

    /**
     * What the page shows as each row's share of responders (total last), in whole percent or as "fewer than 5"; the
     * API's figures written the same way.
     */
    private static List<String> responderShares(Locator table) {
        return table.locator("tbody tr").all().stream()
                .map(row -> row.locator("td").first().innerText().replace('\u00a0', ' '))
                .map(cell -> {
                    Matcher share = Pattern.compile("^(\\d+) ?%").matcher(cell);
                    return share.find() ? share.group(1) + " %" : cell;
                }).toList();
    }

    private static List<String> responderShares(JsonNode report, Texts texts) {
        List<JsonNode> rows = new ArrayList<>();
        report.path("rows").forEach(rows::add);
        if (report.hasNonNull("total")) {
            rows.add(report.path("total"));
        }
        return rows.stream().map(row -> row.path("responders")).map(rate -> rate.path("suppressed").asBoolean()
                ? texts.get("dashboard.fewerThan", Map.of("count", report.path("minimumPatients").asLong()))
                : new BigDecimal(rate.path("share").asText()).movePointRight(2).setScale(0, RoundingMode.HALF_UP)
                        + " %").toList();
    }

    private static JsonNode report(String base, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/" + pathAndQuery))
                .header("Authorization", Tokens.analyst()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Compares one report's rows and total, figure by figure, with the expected ones. */
    private record ReportCheck(String base, String filters, Path log) {

        void equals(String report, Expected.Table expected) throws Exception {
            String path = "/api/reports/" + report + (report.contains("?") ? "&" : "?") + filters;
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", Tokens.analyst()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode answer = JSON.readTree(response.body());
            List<String> actual = new ArrayList<>();
            for (JsonNode row : answer.path("rows")) {
                actual.add(Expected.describe(row));
            }
            if (answer.hasNonNull("total")) {
                actual.add("total " + Expected.describe(answer.path("total")));
            }
            // what was compared, for a reviewer: target/demo-clinic/reports.txt
            Files.writeString(log, path + "\n  " + String.join("\n  ", actual) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            assertThat(actual).as(path).containsExactlyElementsOf(expected.lines());
        }
    }

    static ZoneId zone(DemoRecord record) {
        return ZoneId.of(record.zone());
    }

    static boolean within(Instant instant, DemoRecord record) {
        LocalDate day = instant.atZone(zone(record)).toLocalDate();
        return !day.isBefore(record.firstDay()) && !day.isAfter(record.lastDay());
    }
}
