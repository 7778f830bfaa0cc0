package dk.clinic.booking.appointment;

import java.util.UUID;

/** The resource that was taken when an appointment could not hold it. */
public record Conflict(String kind, UUID id, String name, String detail) {
}
