package dk.clinic.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;

/** The figures as a table, with the targets read against them. */
record Report(Settings settings, Machine machine, ZonedDateTime startedAt, BookingBenchmark.Figures figures,
              long contendedDeadlocks, Pgbench.Result ceiling, String noCeiling) {

    /** A 5xx, a lost connection or an unexpected refusal means the run measured something other than booking. */
    boolean failed() {
        return figures.searches().stream().anyMatch(s -> s.errors() > 0)
                || figures.bookings().stream().anyMatch(b -> b.serverErrors() + b.ioErrors() + b.otherRefusals() > 0)
                || figures.stack().failures() > 0
                || (ceiling != null && ceiling.failed() > 0);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        SeededClinic clinic = figures.clinic();
        History.Summary history = figures.history();
        Duration took = Duration.between(startedAt, ZonedDateTime.now());
        line(out, "Booking-service benchmark, %s (took %d min %d s)", Bench.date(startedAt),
                took.toMinutes(), took.toSecondsPart());
        line(out, "Machine: %s", machine);
        line(out, "         booking-service, PostgreSQL, Kafka and the load generator share these CPUs");
        line(out, "Data:    %d practitioners (%d deliver shockwave), %d treatment rooms, %d shockwave units, "
                        + "%d patients (through the API, %s)", clinic.practitioners().size(),
                clinic.delivering("radial_shockwave").size(), clinic.rooms().size(), clinic.devices().size(),
                clinic.patients().size(), Bench.seconds(figures.seeded()));
        line(out, "         %,d appointments %s to %s (%,d past, %,d ahead), %,d reservations, %,d history entries "
                        + "(by SQL, %s)", history.appointments(), history.first(), history.last(), history.past(),
                history.future(), history.reservations(), history.historyEntries(),
                Bench.seconds(history.took()));
        out.append('\n');

        line(out, "Slot search: GET /api/slots?type=shockwave, %d weeks, every practitioner, one request at a time",
                SlotSearch.WEEKS);
        line(out, "  %-32s %8s %8s %8s %8s %8s %8s", "searches starting on", "requests", "p50 ms", "p95 ms",
                "p99 ms", "max ms", "slots");
        for (SlotSearch.Result search : figures.searches()) {
            Latency l = search.latency();
            line(out, "  %-32s %8d %8.1f %8.1f %8.1f %8.1f %8.1f", search.label(), l.count(), l.p50(), l.p95(),
                    l.p99(), l.max(), search.slotsPerAnswer());
        }
        double p95 = figures.searches().getFirst().latency().p95();
        line(out, "  target: p95 under %.0f ms over the coming year: %s (%.1f ms)",
                BookingBenchmark.SLOT_SEARCH_P95_TARGET_MS, p95 < BookingBenchmark.SLOT_SEARCH_P95_TARGET_MS
                        ? "MET" : "MISSED", p95);
        out.append('\n');

        line(out, "Booking: POST /api/appointments, dry needling, %d clients, %d s per run",
                settings.clients(), settings.duration().toSeconds());
        line(out, "  %-20s %9s %9s %7s %7s %7s %7s %7s %5s %5s %5s %10s %9s", "", "requests/s", "booked/s", "p50 ms",
                "p95 ms", "p99 ms", "201", "409", "4xx", "5xx", "I/O", "CPU ms/req", "PG ms/req");
        for (BookingLoad.Result run : figures.bookings()) {
            Latency l = run.latency();
            line(out, "  %-20s %9.1f %9.1f %7.1f %7.1f %7.1f %7d %7d %5d %5d %5d %10.2f %9.2f", run.label(),
                    run.requestsPerSecond(), run.bookedPerSecond(), l.p50(), l.p95(), l.p99(), run.booked(),
                    run.conflicts(), run.otherRefusals(), run.serverErrors(), run.ioErrors(),
                    perRequest(run.serviceCpu(), run.requests()), perRequest(run.databaseCpu(), run.requests()));
        }
        line(out, "  CPU ms/req: booking-service's own CPU time per request; PG ms/req: PostgreSQL's (all its processes).");
        line(out, "  With contention: in every round all clients book at once, %d of them the same time. PostgreSQL "
                        + "detected %d deadlocks in the contended runs",
                settings.clients() / BookingLoad.CONTENDED_TIMES, contendedDeadlocks);
        if (contendedDeadlocks > 0) {
            line(out, "  (warm-up included): requests holding several resources in different orders waited on each "
                    + "other until one was aborted after deadlock_timeout.");
        }
        figures.bookings().stream().filter(b -> b.firstUnexpected() != null)
                .forEach(b -> line(out, "  first unexpected answer (%s): %s", b.label(), b.firstUnexpected()));
        out.append('\n');

        if (ceiling == null) {
            line(out, "PostgreSQL ceiling: not measured: %s", noCeiling);
        } else {
            double ratio = figures.bookings().getFirst().bookedPerSecond() / ceiling.tps();
            line(out, "PostgreSQL ceiling: pgbench -M prepared -c %d -T %d with a booking's SQL (%s)",
                    settings.clients(), settings.duration().toSeconds(),
                    settings.root().relativize(ceiling.script()));
            line(out, "  %.1f transactions/s, latency average %.1f ms, %,d transactions, %d failed, PostgreSQL CPU "
                            + "%.2f ms per transaction", ceiling.tps(), ceiling.latencyMs(), ceiling.transactions(),
                    ceiling.failed(), perRequest(ceiling.databaseCpu(), ceiling.transactions()));
            line(out, "  booked/s without contention / pgbench tps = %.2f; target at least %.1f: %s", ratio,
                    BookingBenchmark.CEILING_RATIO_TARGET, ratio >= BookingBenchmark.CEILING_RATIO_TARGET
                            ? "MET" : "MISSED");
        }
        out.append('\n');

        StackCeiling.Result stack = figures.stack();
        Latency sl = stack.latency();
        line(out, "Stack ceiling: GET %s as the receptionist (the JWT check, one small read), %d clients, %d s",
                StackCeiling.PATH, settings.clients(), settings.duration().toSeconds());
        line(out, "  %.1f requests/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d failed, CPU %.2f ms/req%s",
                stack.requestsPerSecond(), sl.p50(), sl.p95(), sl.p99(), stack.failures(), stack.cpuMsPerRequest(),
                ceiling == null ? "" : String.format(Locale.ROOT, "; / pgbench tps = %.2f",
                        stack.requestsPerSecond() / ceiling.tps()));
        line(out, "  no booking, which also passes the JWT check and reads before it writes, can be faster than this");
        out.append('\n');

        Memory memory = figures.memory();
        line(out, "Memory: booking-service after the runs: RSS %.0f MiB (peak %.0f MiB), heap used %.0f MiB of "
                        + "%.0f MiB committed", memory.rssKib() / 1024.0, memory.peakRssKib() / 1024.0,
                memory.heapUsedMib(), memory.heapCommittedMib());
        line(out, "Start-up and memory: booking-service %s", memory.summary());
        if (failed()) {
            line(out, "FAILED: errors above; the figures do not describe booking");
        }
        return out.toString();
    }

    private static double perRequest(Duration cpu, long requests) {
        return requests == 0 ? 0 : cpu.toNanos() / 1e6 / requests;
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
