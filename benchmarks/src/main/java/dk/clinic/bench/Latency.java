package dk.clinic.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Response times in milliseconds, from an HdrHistogram recorded in microseconds. */
record Latency(long count, double p50, double p95, double p99, double max) {

    /** Up to a minute, to three significant digits. */
    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    }

    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), histogram.getHighestTrackableValue()));
    }

    static Latency of(Histogram histogram) {
        return new Latency(histogram.getTotalCount(), ms(histogram.getValueAtPercentile(50)),
                ms(histogram.getValueAtPercentile(95)), ms(histogram.getValueAtPercentile(99)),
                ms(histogram.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
