package dk.clinic.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The services' clock: the system clock, which a demo clinic may set to another instant (and back) to play out
 * weeks of a clinic's life through the public APIs (./clinic demo). It then runs on from there at the normal pace.
 * Only where {@code clinic.clock.movable} is true, which nothing but a local demo sets; everywhere else it is the
 * system clock and {@link #moveTo} refuses.
 */
public final class MovableClock extends Clock {

    private final ZoneId zone;
    private final AtomicReference<Duration> offset;
    private final boolean movable;

    public MovableClock(boolean movable) {
        this(ZoneOffset.UTC, new AtomicReference<>(Duration.ZERO), movable);
    }

    private MovableClock(ZoneId zone, AtomicReference<Duration> offset, boolean movable) {
        this.zone = zone;
        this.offset = offset;
        this.movable = movable;
    }

    public boolean movable() {
        return movable;
    }

    /** From now on, "now" is {@code now}, running on at the normal pace. */
    public void moveTo(Instant now) {
        if (!movable) {
            throw new IllegalStateException("This clinic's clock is the system clock");
        }
        offset.set(Duration.between(Instant.now(), now));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MovableClock(zone, offset, movable);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
