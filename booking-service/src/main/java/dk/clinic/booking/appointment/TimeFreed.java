package dk.clinic.booking.appointment;

import java.time.Instant;
import java.util.UUID;

/**
 * Fired (as a CDI event, inside the transaction) when a cancellation, a no-show or a move gives time back: the waitlist
 * records a follow-up there to offer it once the transaction has committed.
 */
public record TimeFreed(UUID appointmentTypeId, UUID practitionerId, Instant start, Instant end) {
}
