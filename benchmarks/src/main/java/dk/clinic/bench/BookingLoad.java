package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receptionists booking dry needling through POST /api/appointments, all at once, each on a connection of their
 * own. Without contention every client books the free half-hours of its own practitioners' days, so every booking
 * should succeed; with contention all clients press "book" at the same moment for the same few times, so one of
 * each group gets it and the rest get 409 with alternatives. A 5xx is a failure of the service, not a refusal.
 */
final class BookingLoad {

    /** The half-hour starts of a working day 08:00-16:00 with lunch 12:00-12:30. */
    private static final List<LocalTime> STARTS = startsOfTheDay();
    /** How many different times the clients fight over in one round of the contended run. */
    static final int CONTENDED_TIMES = 4;

    private final Api api;
    private final String token;
    private final SeededClinic clinic;
    private final List<SeededClinic.Practitioner> practitioners;
    private final int clients;
    private final ServiceProcess service;
    /** How many bookings each client has attempted without contention, across runs (so no time is tried twice). */
    private final long[] attempts;
    private final AtomicLong round = new AtomicLong();

    BookingLoad(Api api, String token, SeededClinic clinic, int clients, ServiceProcess service) {
        this.api = api;
        this.token = token;
        this.clinic = clinic;
        this.practitioners = clinic.delivering("dry_needling");
        this.clients = clients;
        this.service = service;
        this.attempts = new long[clients];
    }

    record Result(String label, int clients, Duration elapsed, long requests, long booked, long conflicts,
                  long otherRefusals, long serverErrors, long ioErrors, Latency latency, Duration serviceCpu,
                  Duration databaseCpu, String firstUnexpected) {

        double requestsPerSecond() {
            return requests / seconds();
        }

        double bookedPerSecond() {
            return booked / seconds();
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    /**
     * Client c books the practitioner-days c, c + clients, c + 2 * clients, ... counted from {@code firstMonday}
     * (day by day, practitioner by practitioner), each of them from 08:00 to 15:30.
     */
    Result withoutContention(String label, LocalDate firstMonday, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        return run(label, client -> {
            while (System.nanoTime() < deadline) {
                long attempt = attempts[client.number]++;
                long practitionerDay = client.number + (long) clients * (attempt / STARTS.size());
                client.book(target(firstMonday, practitionerDay, (int) (attempt % STARTS.size())));
            }
        });
    }

    /**
     * Rounds in which every client books at the same moment: in round r, the r-th practitioner-day from
     * {@code firstMonday}, at one of its first {@value #CONTENDED_TIMES} times (client c takes time c mod 4). A round
     * ends when every answer is in.
     */
    Result withContention(String label, LocalDate firstMonday, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicBoolean over = new AtomicBoolean();
        CyclicBarrier together = new CyclicBarrier(clients, () -> {
            if (System.nanoTime() >= deadline) {
                over.set(true);
            } else {
                round.incrementAndGet();
            }
        });
        return run(label, client -> {
            try {
                while (true) {
                    together.await();
                    if (over.get()) {
                        return;
                    }
                    client.book(target(firstMonday, round.get(), client.number % CONTENDED_TIMES));
                }
            } catch (RuntimeException | InterruptedException e) {
                together.reset(); // the others must not wait for this client for ever
                throw e;
            }
        });
    }

    private Result run(String label, Work work) throws Exception {
        Duration cpuBefore = service.cpu();
        Duration databaseBefore = PostgresCpu.used();
        long started = System.nanoTime();
        List<Client> all = new ArrayList<>();
        List<Future<Void>> done = new ArrayList<>();
        try (ExecutorService receptionists = Executors.newFixedThreadPool(clients)) {
            for (int i = 0; i < clients; i++) {
                Client client = new Client(i);
                all.add(client);
                done.add(receptionists.submit(() -> {
                    work.on(client);
                    return null;
                }));
            }
        }
        for (Future<Void> future : done) {
            future.get();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        Histogram latency = Latency.histogram();
        long requests = 0, booked = 0, conflicts = 0, refusals = 0, serverErrors = 0, ioErrors = 0;
        String firstUnexpected = null;
        for (Client client : all) {
            latency.add(client.latency);
            requests += client.requests;
            booked += client.booked;
            conflicts += client.conflicts;
            refusals += client.refusals;
            serverErrors += client.serverErrors;
            ioErrors += client.ioErrors;
            firstUnexpected = firstUnexpected != null ? firstUnexpected : client.firstUnexpected;
        }
        return new Result(label, clients, elapsed, requests, booked, conflicts, refusals, serverErrors, ioErrors,
                Latency.of(latency), service.cpu().minus(cpuBefore), PostgresCpu.used().minus(databaseBefore),
                firstUnexpected);
    }

    private Target target(LocalDate firstMonday, long practitionerDay, int start) {
        long weekday = practitionerDay / practitioners.size();
        LocalDate day = firstMonday.plusWeeks(weekday / 5).plusDays(weekday % 5);
        SeededClinic.Practitioner practitioner = practitioners.get((int) (practitionerDay % practitioners.size()));
        return new Target(practitioner.id(), day.atTime(STARTS.get(start)));
    }

    /** The first Monday after every day the runs without contention have booked on. */
    LocalDate mondayAfterOwnDays(LocalDate firstMonday) {
        long last = 0;
        for (int client = 0; client < clients; client++) {
            last = Math.max(last, client + (long) clients * (attempts[client] / STARTS.size()));
        }
        return firstMonday.plusWeeks(last / practitioners.size() / 5 + 1);
    }

    private record Target(UUID practitioner, LocalDateTime start) {
    }

    @FunctionalInterface
    private interface Work {
        void on(Client client) throws Exception;
    }

    /** One receptionist's requests and what came back. */
    private final class Client {

        final int number;
        final Histogram latency = Latency.histogram();
        long requests;
        long booked;
        long conflicts;
        long refusals;
        long serverErrors;
        long ioErrors;
        String firstUnexpected;

        Client(int number) {
            this.number = number;
        }

        void book(Target target) throws InterruptedException {
            UUID patient = clinic.patients().get(ThreadLocalRandom.current().nextInt(clinic.patients().size()));
            Map<String, Object> request = Map.of("patientId", patient, "appointmentTypeId", clinic.dryNeedling(),
                    "practitionerId", target.practitioner(), "start", target.start().toString());
            requests++;
            long started = System.nanoTime();
            Api.Answer answer;
            try {
                answer = api.post("/api/appointments", token, request);
            } catch (IOException e) {
                ioErrors++;
                firstUnexpected = firstUnexpected != null ? firstUnexpected : "I/O: " + e;
                return;
            }
            Latency.record(latency, System.nanoTime() - started);
            switch (answer.status()) {
                case 201 -> booked++;
                case 409 -> conflicts++;
                default -> {
                    if (answer.status() >= 500) {
                        serverErrors++;
                    } else {
                        refusals++;
                    }
                    firstUnexpected = firstUnexpected != null ? firstUnexpected
                            : answer.status() + " for " + Api.json(request) + ": " + answer.body();
                }
            }
        }
    }

    private static List<LocalTime> startsOfTheDay() {
        List<LocalTime> starts = new ArrayList<>();
        for (LocalTime t = LocalTime.of(8, 0); t.isBefore(LocalTime.of(12, 0)); t = t.plusMinutes(30)) {
            starts.add(t);
        }
        for (LocalTime t = LocalTime.of(12, 30); t.isBefore(LocalTime.of(16, 0)); t = t.plusMinutes(30)) {
            starts.add(t);
        }
        return List.copyOf(starts);
    }
}
