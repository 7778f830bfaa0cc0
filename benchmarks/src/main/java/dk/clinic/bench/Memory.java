package dk.clinic.bench;

import dk.clinic.testing.ServiceProcess;

import java.io.IOException;

/** A service's memory after the runs: resident set (now and peak) and the JVM heap from /q/metrics. */
record Memory(long rssKib, long peakRssKib, double heapUsedMib, double heapCommittedMib) {

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
        return new Memory(resident[0], resident[1], used / 1024 / 1024, committed / 1024 / 1024);
    }

    private static double value(String metricLine) {
        return Double.parseDouble(metricLine.substring(metricLine.lastIndexOf(' ') + 1));
    }
}
