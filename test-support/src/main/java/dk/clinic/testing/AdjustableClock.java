package dk.clinic.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in their tests (it replaces platform's SystemClock wherever test-support is on the classpath):
 * the real time, unless a story moves it, e.g. to the hour an appointment starts. Stories that move it put it back
 * afterwards with {@link #reset()}.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
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
