package dk.clinic.booking.clinic;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The clock the booking rules read "now" from: whether a time has passed, whether a visit may be marked yet, whether a
 * cancellation is late. The system clock in UTC; the tests replace it with one they can move.
 */
public class ClinicClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
