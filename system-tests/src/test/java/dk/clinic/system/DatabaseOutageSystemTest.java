package dk.clinic.system;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.IssuerKeys;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.ServiceProcess;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.ThrowawayPostgres;
import dk.clinic.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * booking-service, built and started as {@code ./clinic up} starts it, on a PostgreSQL of the test's own that is
 * restarted and then frozen under it while a receptionist keeps registering and finding patients.
 */
class DatabaseOutageSystemTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final Duration OUTAGE = Duration.ofSeconds(4);

    @Test
    void aRestartedDatabaseCostsOnly503sWhileItIsAwayAndNoFailureOnceItIsBackAndHealthAlwaysAnswers()
            throws Exception {
        Path root = Path.of(System.getProperty("clinic.root", "..")).toAbsolutePath().normalize();
        Path work = root.resolve("system-tests/target/database-outage");
        Files.createDirectories(work);
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start();
             ServiceProcess booking = ServiceProcess.start(root, "booking-service", work.resolve("booking-service"),
                     postgres.jdbcUrl(), TestInfrastructure.get().broker().bootstrapServers(),
                     IssuerKeys.testIssuer(work.resolve("issuer")))) {
            Desk desk = new Desk(booking.url());
            Thread clicking = Thread.ofPlatform().daemon().start(desk);
            await().atMost(EVENTUAL).until(() -> desk.successesSince(Instant.EPOCH) >= 10);

            Instant down = Instant.now();
            postgres.stopServer();
            await().atMost(EVENTUAL).until(() -> health(booking) == 503);
            // treatment-service asks for a plan's sessions while booking-service's database is away: the event waits
            // for the database, it is not set aside as one that cannot be taken
            UUID request = UUID.randomUUID();
            KafkaTestClient.publish(EventType.SCHEDULING_REQUESTED, request.toString(), request.toString(), """
                    {"requestId": "%s", "planId": "%s", "courseId": "%s", "patientId": "%s",
                     "modality": "radial_shockwave", "sessions": 3, "intervalDays": 7, "deviceNeeded": true,
                     "autoBook": false, "reason": "course_created"}""".formatted(request, UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID()));
            Thread.sleep(OUTAGE.toMillis()); // the outage lasts a few relay rounds, requests and event retries
            postgres.startServer();
            Instant back = Instant.now();
            await().atMost(EVENTUAL).until(() -> desk.successesSince(back) >= 20);
            await().atMost(EVENTUAL).until(() -> status(booking, "/api/scheduling-requests/" + request) == 200);
            assertThat(KafkaTestClient.readAll("booking-service.dead-letter", r -> request.toString().equals(r.key())))
                    .as("an event that came while the database was away is not set aside").isEmpty();
            assertThat(health(booking)).as("readiness once the database is back").isEqualTo(200);

            // a frozen server (SIGSTOP) answers nothing at all: health still answers, and says so
            postgres.freeze();
            int frozen;
            try {
                frozen = await().atMost(EVENTUAL).until(() -> health(booking), status -> status == 503);
            } finally {
                postgres.thaw();
            }
            await().atMost(EVENTUAL).until(() -> health(booking) == 200);
            desk.stop();
            clicking.join();

            List<Answer> answers = desk.answers();
            List<Answer> duringOutage = answers.stream().filter(a -> a.sent().isAfter(down) && a.sent().isBefore(back))
                    .toList();
            Instant firstSuccessAfterBack = answers.stream().filter(a -> a.sent().isAfter(back) && a.ok())
                    .map(Answer::sent).min(Instant::compareTo).orElseThrow();
            List<Answer> failedOnceWorkingAgain = answers.stream()
                    .filter(a -> a.sent().isAfter(firstSuccessAfterBack) && !a.ok()).toList();
            String log = Files.readString(booking.log());
            String figures = """
                    requests sent: %d (%d while the database was away)
                    answers: %d 2xx, %d 503, %d other
                    database away: %.1f s; first success %.1f s after it accepted connections again
                    requests failed once the service worked again: %d
                    readiness while frozen: %d
                    time to a 503 while the database was away: median %d ms, longest %d ms
                    """.formatted(answers.size(), duringOutage.size(), answers.stream().filter(Answer::ok).count(),
                    answers.stream().filter(a -> a.status() == 503).count(),
                    answers.stream().filter(a -> !a.ok() && a.status() != 503).count(),
                    Duration.between(down, back).toMillis() / 1000.0,
                    Duration.between(back, firstSuccessAfterBack).toMillis() / 1000.0, failedOnceWorkingAgain.size(),
                    frozen, waited(duringOutage, 50), waited(duringOutage, 100));
            Files.writeString(work.resolve("figures.txt"), figures);
            System.out.println(figures);

            assertThat(answers).as("no request is answered with a server error other than 503")
                    .noneMatch(a -> a.status() >= 500 && a.status() != 503);
            assertThat(answers.stream().filter(a -> a.status() == 503))
                    .as("a 503 says when to try again, as problem details")
                    .allMatch(a -> a.retryAfter() != null && a.problem());
            assertThat(duringOutage).as("the outage was felt").anyMatch(a -> a.status() == 503);
            assertThat(failedOnceWorkingAgain).as("no connection left over from before the restart fails a request")
                    .isEmpty();
            assertThat(log.lines().filter(l -> l.contains("Outbox relay: the database cannot be reached")).count())
                    .as("the relay says once that the database is away").isEqualTo(1);
            assertThat(log).as("no stack trace while the database was away").doesNotContain("\tat ");
        }
    }

    /** The {@code percent}th percentile of how long the 503s among {@code answers} took to come, in ms. */
    private static long waited(List<Answer> answers, int percent) {
        List<Long> waits = answers.stream().filter(a -> a.status() == 503).map(a -> a.took().toMillis()).sorted().toList();
        return waits.isEmpty() ? 0 : waits.get(Math.max(0, (int) Math.ceil(waits.size() * percent / 100.0) - 1));
    }

    private static int status(ServiceProcess service, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(service.url() + path))
                        .header("Authorization", Tokens.receptionist()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int health(ServiceProcess service) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(service.managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** One answer the desk got: when it asked, how long the answer took, the status, and what a 503 said. */
    private record Answer(Instant sent, Duration took, int status, String retryAfter, boolean problem) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** A receptionist registering a patient and looking them up, again and again, one request at a time. */
    private static final class Desk implements Runnable {

        private final String url;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final String token = Tokens.receptionist();
        private volatile boolean stopped;

        Desk(String url) {
            this.url = url;
        }

        @Override
        public void run() {
            while (!stopped) {
                String name = "Outage" + UUID.randomUUID().toString().substring(0, 8);
                ask(HttpRequest.newBuilder(URI.create(url + "/api/patients")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("""
                                {"givenName":"Olga","familyName":"%s","birthDate":"1966-05-01","preferredLanguage":"da"}"""
                                .formatted(name))));
                ask(HttpRequest.newBuilder(URI.create(url + "/api/patients?name=" + name)).GET());
            }
        }

        private void ask(HttpRequest.Builder request) {
            Instant sent = Instant.now();
            try {
                HttpResponse<String> response = http.send(request.header("Authorization", token)
                        .timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
                answers.add(new Answer(sent, Duration.between(sent, Instant.now()), response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null),
                        response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")));
            } catch (IOException e) {
                answers.add(new Answer(sent, Duration.between(sent, Instant.now()), 0, null, false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }

        long successesSince(Instant since) {
            return answers.stream().filter(a -> a.sent().isAfter(since) && a.ok()).count();
        }

        List<Answer> answers() {
            return List.copyOf(answers);
        }

        void stop() {
            stopped = true;
        }
    }
}
