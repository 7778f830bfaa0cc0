package dk.clinic.booking.appointment;

import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.bookable.Device;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.bookable.Room;

import java.util.UUID;

/**
 * What a booking asks for, checked: the patient, the type, a practitioner who delivers it, and the room and device
 * the receptionist chose (null: any free one of the kind the type needs).
 */
public record Placement(UUID patientId, AppointmentType type, Practitioner practitioner, Room room, Device device) {
}
