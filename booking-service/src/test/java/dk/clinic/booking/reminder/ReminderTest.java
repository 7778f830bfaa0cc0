package dk.clinic.booking.reminder;

import dk.clinic.booking.Fixtures;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.CapturedLog;
import dk.clinic.testing.Tokens;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ReminderTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Copenhagen");

    @Inject
    ReminderJob reminders;

    @Inject
    MockMailbox mailbox;

    @Test
    void aConsentingPatientIsRemindedOnceInTheirOwnLanguageHoweverOftenAndWhereverTheJobRuns() throws Exception {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        String practitionerName = Fixtures.unique("Ingrid");
        UUID practitioner = practitioner(practitionerName);
        String email = email("kari");
        UUID kari = patient("Kari", email, "nb", true);
        List<Map<String, Object>> slots = slotsWithinTheLeadTime(type, practitioner);
        String localStart = (String) slots.getFirst().get("localStart");
        book(kari, type, practitioner, localStart);

        reminders.sendDue();
        reminders.sendDue();
        runAtOnce(() -> reminders.sendDue(), () -> reminders.sendDue());

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        Mail mail = mails.getFirst();
        String time = LocalDateTime.parse(localStart).toLocalTime().toString();
        assertThat(mail.getSubject()).startsWith("Påminnelse: timen din hos").contains("kl. " + time);
        assertThat(mail.getText()).startsWith("Hei Kari").contains(practitionerName).contains("kl. " + time)
                .doesNotContain("dry_needling").doesNotContain("Behandling");
    }

    @Test
    void theLogSaysAReminderWentOutButNeverToWhichAddressOrWhatItSaid() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = practitioner(Fixtures.unique("Lone"));
        String email = email("magnhild");
        List<Map<String, Object>> slots = slotsWithinTheLeadTime(type, practitioner);
        String appointment = book(patient("Magnhild", email, "nb", true), type, practitioner,
                (String) slots.getFirst().get("localStart"));

        try (CapturedLog log = CapturedLog.capture()) {
            reminders.sendDue();
            Mail mail = mailbox.getMailsSentTo(email).getFirst();
            assertThat(log.lines()).anySatisfy(line -> assertThat(line.message())
                    .contains("Reminder for appointment " + appointment));
            assertThat(log.lines()).noneSatisfy(line -> assertThat(line.message()).containsAnyOf(email, "Magnhild",
                    mail.getSubject(), mail.getText().lines().skip(2).findFirst().orElseThrow()));
        }
    }

    @Test
    void aMovedAppointmentIsRemindedAgainOfItsNewTime() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = practitioner(Fixtures.unique("Mads"));
        String email = email("emma");
        List<Map<String, Object>> slots = slotsWithinTheLeadTime(type, practitioner);
        String first = (String) slots.getFirst().get("localStart");
        String moved = (String) slots.getLast().get("localStart");
        String appointment = book(patient("Emma", email, "en", true), type, practitioner, first);
        reminders.sendDue();
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);

        // the reminder changed nothing the reception holds: the ETag from the booking still moves the appointment
        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"start\":\"%s\"}".formatted(moved))
                .post("/api/appointments/{id}/reschedule", appointment).then().statusCode(200);
        reminders.sendDue();

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(2);
        assertThat(mails.getLast().getSubject()).startsWith("Reminder: your appointment at")
                .endsWith("at " + LocalDateTime.parse(moved).toLocalTime());
    }

    @Test
    void noReminderWithoutConsentNorForACancelledAppointment() {
        UUID type = Fixtures.appointmentType("dry_needling", 30, 0, 0, null, null);
        UUID practitioner = practitioner(Fixtures.unique("Jonas"));
        List<Map<String, Object>> slots = slotsWithinTheLeadTime(type, practitioner);
        String withoutConsent = email("anne");
        book(patient("Anne", withoutConsent, "da", false), type, practitioner,
                (String) slots.getFirst().get("localStart"));
        String cancelled = email("carl");
        Instant firstEnds = Instant.parse((String) slots.getFirst().get("end"));
        String later = (String) slots.stream().filter(s -> !Instant.parse((String) s.get("start")).isBefore(firstEnds))
                .findFirst().orElseThrow().get("localStart");
        String appointment = book(patient("Carl", cancelled, "en", true), type, practitioner, later);
        given().header("Authorization", Tokens.receptionist()).header("If-Match", "\"0\"")
                .contentType(ContentType.JSON).body("{\"by\":\"patient\",\"reason\":\"Better\"}")
                .post("/api/appointments/{id}/cancel", appointment).then().statusCode(200);

        reminders.sendDue();

        assertThat(mailbox.getMailsSentTo(withoutConsent)).isEmpty();
        assertThat(mailbox.getMailsSentTo(cancelled)).isEmpty();
    }

    private static UUID practitioner(String name) {
        UUID id = UUID.fromString(given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"name\":\"%s\",\"profession\":\"physiotherapist\",\"modalities\":[\"dry_needling\"]}"
                        .formatted(name))
                .post("/api/practitioners").then().statusCode(201).extract().path("id"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(Fixtures.EVERY_DAY)
                .put("/api/working-hours/{id}", id).then().statusCode(200);
        return id;
    }

    private static String email(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.no";
    }

    private static UUID patient(String givenName, String email, String language, boolean consent) {
        return UUID.fromString(given().header("Authorization", Tokens.receptionist()).contentType(ContentType.JSON)
                .body("""
                        {"givenName":"%s","familyName":"Reminded","birthDate":"1980-02-03","email":"%s",
                         "preferredLanguage":"%s","reminderConsent":%s}""".formatted(givenName, email, language, consent))
                .post("/api/patients").then().statusCode(201).extract().path("id"));
    }

    /** Free slots from half an hour on (so they are still ahead when the job runs) to well within the 24 hours. */
    private static List<Map<String, Object>> slotsWithinTheLeadTime(UUID type, UUID practitioner) {
        LocalDate today = AdjustableClock.today(CLINIC_ZONE);
        List<Map<String, Object>> slots = given().header("Authorization", Tokens.receptionist())
                .queryParam("type", type).queryParam("practitioner", practitioner)
                .queryParam("from", today.toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("limit", 20)
                .get("/api/slots").then().statusCode(200).extract().jsonPath().getList("$");
        Instant from = AdjustableClock.now().plus(Duration.ofMinutes(30));
        Instant to = AdjustableClock.now().plus(Duration.ofHours(20));
        List<Map<String, Object>> near = slots.stream()
                .filter(s -> Instant.parse((String) s.get("start")).isAfter(from)
                        && Instant.parse((String) s.get("start")).isBefore(to))
                .toList();
        assertThat(near).hasSizeGreaterThanOrEqualTo(3);
        return near;
    }

    private static String book(UUID patient, UUID type, UUID practitioner, String localStart) {
        return Fixtures.book(patient, type, practitioner, localStart).then().statusCode(201).extract().path("id");
    }

    @SafeVarargs
    private static void runAtOnce(Callable<Integer>... jobs) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(jobs.length);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Integer>> running = Arrays.stream(jobs)
                    .map(job -> threads.submit(() -> {
                        gate.await();
                        return job.call();
                    }))
                    .toList();
            gate.countDown();
            for (Future<Integer> job : running) {
                job.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
