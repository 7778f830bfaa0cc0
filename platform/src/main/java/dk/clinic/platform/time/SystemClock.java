package dk.clinic.platform.time;

import io.quarkus.arc.DefaultBean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one time source: every rule and every timestamp in the services reads "now" from the injected {@link Clock}, never
 * from {@code Instant.now()} or SQL's {@code now()}, so the tests can move time and nothing disagrees. The system clock
 * in UTC, which a local demo clinic may move ({@link MovableClock}); tests replace it with one they can move.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(@ConfigProperty(name = "clinic.clock.movable", defaultValue = "false") boolean movable) {
        return new MovableClock(movable);
    }
}
