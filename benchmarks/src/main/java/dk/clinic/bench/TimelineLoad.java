package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Practitioners opening their patients' timelines: GET /api/timeline/{episodeId} for the measured episodes in turn,
 * each client one request after the other, all clients starting together. The latency runs from the request to the
 * whole answer received, in an HdrHistogram; any answer but 200 is a failure of the run.
 */
final class TimelineLoad {

    private TimelineLoad() {
    }

    record Result(String label, int clients, long requests, Duration elapsed, Latency latency, long failures,
                  Duration serviceCpu, String firstFailure) {

        double requestsPerSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        double cpuMsPerRequest() {
            return requests == 0 ? 0 : serviceCpu.toNanos() / 1e6 / requests;
        }
    }

    /**
     * Reads every measured episode's timeline once and checks that it holds what was written (so the timed answers
     * are the whole story, not an empty or partial one).
     *
     * @return the size of an answer in bytes, on average
     */
    static long checkedAnswerBytes(Api api, String token, List<EpisodeSeed.Episode> episodes) throws Exception {
        long bytes = 0;
        for (EpisodeSeed.Episode episode : episodes) {
            Api.Answer answer = api.get("/api/timeline/" + episode.id(), token).expect(200);
            JsonNode timeline = answer.json();
            List<String> wrong = new ArrayList<>();
            expect(wrong, "sessions", timeline, episode.sessions());
            expect(wrong, "reviews", timeline, episode.reviews());
            expect(wrong, "planVersions", timeline, episode.planVersions());
            expect(wrong, "outcomes", timeline, episode.measurements());
            if (!wrong.isEmpty()) {
                throw new IllegalStateException("the timeline of episode " + episode.id() + " has " + wrong);
            }
            bytes += answer.body().getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes / episodes.size();
    }

    private static void expect(List<String> wrong, String field, JsonNode timeline, int count) {
        int found = timeline.path(field).size();
        if (found != count) {
            wrong.add(found + " " + field + " instead of " + count);
        }
    }

    static Result run(String label, Api api, String token, List<UUID> episodes, int clients, int requestsPerClient,
                      ServiceProcess service) throws Exception {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Client>> done = new ArrayList<>();
        Duration cpuBefore;
        long started;
        try (ExecutorService practitioners = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                Client client = new Client(c);
                done.add(practitioners.submit(() -> {
                    ready.countDown();
                    go.await();
                    client.read(api, token, episodes, requestsPerClient);
                    return client;
                }));
            }
            ready.await();
            cpuBefore = service.cpu();
            started = System.nanoTime();
            go.countDown();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Duration cpu = service.cpu().minus(cpuBefore);
        Histogram latency = Latency.histogram();
        long requests = 0;
        long failures = 0;
        String firstFailure = null;
        for (Future<Client> future : done) {
            Client client = future.get();
            latency.add(client.latency);
            requests += client.requests;
            failures += client.failures;
            firstFailure = firstFailure != null ? firstFailure : client.firstFailure;
        }
        return new Result(label, clients, requests, elapsed, Latency.of(latency), failures, cpu, firstFailure);
    }

    /** One practitioner's requests: client c starts at the c-th episode so that the clients do not read in step. */
    private static final class Client {

        final int number;
        final Histogram latency = Latency.histogram();
        long requests;
        long failures;
        String firstFailure;

        Client(int number) {
            this.number = number;
        }

        void read(Api api, String token, List<UUID> episodes, int count) throws InterruptedException {
            for (int i = 0; i < count; i++) {
                UUID episode = episodes.get((number + i) % episodes.size());
                requests++;
                long started = System.nanoTime();
                try {
                    Api.Answer answer = api.get("/api/timeline/" + episode, token);
                    Latency.record(latency, System.nanoTime() - started);
                    if (answer.status() != 200) {
                        failed(answer.status() + " for episode " + episode + ": " + answer.body());
                    }
                } catch (IOException e) {
                    failed("I/O: " + e);
                }
            }
        }

        private void failed(String what) {
            failures++;
            firstFailure = firstFailure != null ? firstFailure : what;
        }
    }
}
