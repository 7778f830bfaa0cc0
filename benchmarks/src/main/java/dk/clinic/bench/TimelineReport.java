package dk.clinic.bench;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.stream.Collectors;

/** The timeline figures as a table, with the target read against them. */
record TimelineReport(Machine machine, ZonedDateTime startedAt, TimelineBenchmark.Figures figures) {

    /** An answer other than 200 means the run measured something other than the timeline. */
    boolean failed() {
        return figures.runs().stream().anyMatch(run -> run.failures() > 0);
    }

    String text() {
        StringBuilder out = new StringBuilder();
        Duration took = Duration.between(startedAt, ZonedDateTime.now());
        EpisodeSeed.Episode episode = figures.measured().getFirst();
        EpisodeCopies.Summary all = figures.copies();
        line(out, "Patient timeline benchmark, %s (took %d min %d s)", Bench.date(startedAt), took.toMinutes(),
                took.toSecondsPart());
        line(out, "Machine: %s", machine);
        line(out, "         treatment-service, PostgreSQL, Kafka and the load generator share these CPUs");
        line(out, "Data:    %,d patients, known to treatment-service from booking's patient.registered events (%s)",
                TimelineBenchmark.PATIENTS, Bench.seconds(figures.registered()));
        line(out, "         %d episodes through the API as paula (%s), each with %d sessions (%d dry needling, then "
                        + "%d radial shockwave;", figures.measured().size(), Bench.seconds(figures.written()),
                episode.sessions(), EpisodeSeed.DRY_NEEDLING_SESSIONS, EpisodeSeed.SHOCKWAVE_SESSIONS);
        line(out, "         %d exercise programme), %d review decisions, %d plan versions and %d outcome measurements",
                EpisodeSeed.EXERCISE_SESSIONS, episode.reviews(), episode.planVersions(), episode.measurements());
        line(out, "         (%s, each at weeks %s)", String.join(", ", EpisodeSeed.INSTRUMENTS),
                EpisodeSeed.MEASURED_WEEKS.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        line(out, "         %,d more episodes copied from them by SQL (%s); in all %,d episodes, %,d sessions,",
                all.episodes() - figures.measured().size(), Bench.seconds(all.took()), all.episodes(),
                all.sessions());
        line(out, "         %,d review decisions, %,d plan versions, %,d outcome measurements with %,d scores",
                all.reviews(), all.planVersions(), all.measurements(), all.scores());
        out.append('\n');

        line(out, "Timeline: GET /api/timeline/{episodeId}, the %d measured episodes in turn, as paula; answer %.0f KB",
                figures.measured().size(), figures.answerBytes() / 1024.0);
        line(out, "  %-20s %7s %8s %10s %7s %7s %7s %7s %6s %10s", "", "clients", "requests", "requests/s",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "failed", "CPU ms/req");
        for (TimelineLoad.Result run : figures.runs()) {
            Latency l = run.latency();
            line(out, "  %-20s %7d %8d %10.1f %7.1f %7.1f %7.1f %7.1f %6d %10.2f", run.label(), run.clients(),
                    run.requests(), run.requestsPerSecond(), l.p50(), l.p95(), l.p99(), l.max(), run.failures(),
                    run.cpuMsPerRequest());
        }
        line(out, "  CPU ms/req: treatment-service's own CPU time per request.");
        StringBuilder target = new StringBuilder();
        for (TimelineLoad.Result run : figures.runs()) {
            double p95 = run.latency().p95();
            target.append(target.isEmpty() ? "" : "; ").append(String.format(Locale.ROOT, "%s %s (%.1f ms)",
                    run.label(), p95 < TimelineBenchmark.P95_TARGET_MS ? "MET" : "MISSED", p95));
        }
        line(out, "  target: p95 under %.0f ms: %s", TimelineBenchmark.P95_TARGET_MS, target);
        figures.runs().stream().filter(run -> run.firstFailure() != null)
                .forEach(run -> line(out, "  first failure (%s): %s", run.label(), run.firstFailure()));
        out.append('\n');

        Memory memory = figures.memory();
        line(out, "Memory: treatment-service after the runs: RSS %.0f MiB (peak %.0f MiB), heap used %.0f MiB of "
                        + "%.0f MiB committed", memory.rssKib() / 1024.0, memory.peakRssKib() / 1024.0,
                memory.heapUsedMib(), memory.heapCommittedMib());
        line(out, "Start-up and memory: treatment-service %s", memory.summary());
        if (failed()) {
            line(out, "FAILED: errors above; the figures do not describe the timeline");
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
