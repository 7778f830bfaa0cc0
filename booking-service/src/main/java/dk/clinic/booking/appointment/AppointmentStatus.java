package dk.clinic.booking.appointment;

/** The FHIR appointment states the clinic uses. */
public enum AppointmentStatus {
    booked, arrived, fulfilled, cancelled, noshow
}
