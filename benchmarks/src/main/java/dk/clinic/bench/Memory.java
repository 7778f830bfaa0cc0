package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;

import java.io.IOException;
import java.time.Duration;

/**
 * A service's memory after the runs: resident set (now and peak) and the JVM heap from /q/metrics; and how long it took
 * from launching its JVM to answering ready.
 */
record Memory(long rssKib, long peakRssKib, double heapUsedMib, double heapCommittedMib, Duration readyAfter) {

    /** Issue 13: ready in under 3 s after the JVM starts, resident memory under 300 MiB at the benchmark's load. */
    static final Duration READY_TARGET = Duration.ofSeconds(3);
    static final long RSS_TARGET_MIB = 300;

    /** e.g. "ready 4.2 s after the JVM started (target < 3 s: MISSED); RSS 250 MiB (peak 270; target < 300: met)" */
    String summary() {
        return "ready %.1f s after its JVM started (target < %d s: %s); RSS %.0f MiB, peak %.0f MiB (target < %d MiB: %s)"
                .formatted(readyAfter.toMillis() / 1000.0, READY_TARGET.toSeconds(),
                        readyAfter.compareTo(READY_TARGET) < 0 ? "met" : "MISSED", rssKib / 1024.0, peakRssKib / 1024.0,
                        RSS_TARGET_MIB, peakRssKib / 1024.0 < RSS_TARGET_MIB ? "met" : "MISSED");
    }

    static Memory of(ServiceProcess service, Api api) throws IOException, InterruptedException {
        long[] resident = service.residentKib();
        double used = 0;
        double committed = 0;
        for (String line : api.metrics().split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                used += value(line);
            } else if (line.startsWith("jvm_memory_committed_bytes{area=\"heap\"")) {
                committed += value(line);
            }
        }
        return new Memory(resident[0], resident[1], used / 1024 / 1024, committed / 1024 / 1024, service.readyAfter());
    }

    private static double value(String metricLine) {
        return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }
}
