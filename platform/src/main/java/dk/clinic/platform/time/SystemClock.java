package dk.clinic.platform.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one time source: every rule and every timestamp in the services reads "now" from the injected {@link Clock}, never
 * from {@code Instant.now()} or SQL's {@code now()}, so the tests can move time and nothing disagrees. The system clock
 * in UTC; tests replace it with one they can move.
 */
public class SystemClock {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
