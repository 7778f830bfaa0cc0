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
import org.junit.jupiter.api.Test;

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
        }
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
