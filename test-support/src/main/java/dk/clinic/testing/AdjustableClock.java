package dk.clinic.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in their tests (it replaces platform's SystemClock wherever test-support is on the classpath),
 * and the tests' own "now". It does not read the wall clock's date: it starts at {@link #START}, Tuesday 1 December
 * 2026, 08:00 in Copenhagen, and runs on from there as real time passes, so that stories written on the calendar of
 * 2027 lie ahead, and "the next 20 hours" is a working day, whatever the date the suite runs on. A story may move it
 * (e.g. to the hour an appointment starts) and puts it back afterwards with {@link #reset()}.
 * {@code -Dclinic.test.now=<instant>} starts it elsewhere.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    public static final Instant START = Instant.parse(System.getProperty("clinic.test.now", "2026-12-01T07:00:00Z"));
    private static final Duration AT_START = Duration.between(Instant.now(), START);

    private static volatile Duration offset = AT_START;

    /** The tests' now: where the services' clock stands. */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    /** The tests' today in {@code zone}. */
    public static LocalDate today(ZoneId zone) {
        return LocalDate.ofInstant(now(), zone);
    }

    public static void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    /** Back to the tests' own time line, as if nobody had moved the clock. */
    public static void reset() {
        offset = AT_START;
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
