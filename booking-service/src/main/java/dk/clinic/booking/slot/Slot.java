package dk.clinic.booking.slot;

import dk.clinic.booking.clinic.ClinicTime;

import java.time.Instant;
import java.util.UUID;

/**
 * A start time at which every resource the appointment type needs is free, buffers included, inside the
 * practitioner's working time. {@code preferred} marks the patient's previous practitioner.
 */
public record Slot(Instant start, Instant end, ClinicTime localStart, UUID practitionerId, String practitionerName,
                   UUID roomId, UUID deviceId, boolean preferred) {
}
