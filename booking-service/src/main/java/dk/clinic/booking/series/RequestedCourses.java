package dk.clinic.booking.series;

import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointmenttype.AppointmentType;

import java.util.List;
import java.util.UUID;

/**
 * A treatment plan's request that a series is booked for. Booking's scheduling requests implement it, so a series can
 * be booked for one without the series knowing where requests come from.
 */
public interface RequestedCourses {

    /**
     * Takes the open request for this series, in the caller's transaction: 409 when it is not open (booked already, or
     * its plan ended), 422 naming the field when it is another patient's or another modality's.
     */
    void claim(UUID requestId, UUID patientId, AppointmentType type);

    /** Links the series' appointments to the request's plan and course and closes the request. */
    void booked(UUID requestId, UUID seriesId, List<Appointment> appointments);
}
