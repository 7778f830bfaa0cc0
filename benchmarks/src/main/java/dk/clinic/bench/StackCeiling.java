package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the service answers per second when a request does almost nothing: GET /api/appointment-types as the
 * receptionist, from as many clients as the booking runs. That is the JWT check, one read of three rows and a small
 * JSON list. A booking passes the same JWT check and reads five times before it writes, so no booking can be faster:
 * this puts the booking figures, and the target of half of pgbench's ceiling, in proportion.
 */
final class StackCeiling {

    static final String PATH = "/api/appointment-types";

    record Result(Duration elapsed, long requests, long failures, Latency latency, Duration serviceCpu) {

        double requestsPerSecond() {
            return requests / (elapsed.toNanos() / 1e9);
        }

        double cpuMsPerRequest() {
            return requests == 0 ? 0 : serviceCpu.toNanos() / 1e6 / requests;
        }
    }

    private StackCeiling() {
    }

    static Result run(Api api, String token, int clients, Duration duration, ServiceProcess service)
            throws Exception {
        Duration cpuBefore = service.cpu();
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Future<long[]>> done = new ArrayList<>();
        List<Histogram> latencies = new ArrayList<>();
        try (ExecutorService receptionists = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                Histogram latency = Latency.histogram();
                latencies.add(latency);
                done.add(receptionists.submit(() -> {
                    long requests = 0;
                    long failures = 0;
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        int status = api.get(PATH, token).status();
                        Latency.record(latency, System.nanoTime() - sent);
                        requests++;
                        failures += status == 200 ? 0 : 1;
                    }
                    return new long[]{requests, failures};
                }));
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        long requests = 0;
        long failures = 0;
        for (Future<long[]> client : done) {
            requests += client.get()[0];
            failures += client.get()[1];
        }
        Histogram all = Latency.histogram();
        latencies.forEach(all::add);
        return new Result(elapsed, requests, failures, Latency.of(all), service.cpu().minus(cpuBefore));
    }
}
