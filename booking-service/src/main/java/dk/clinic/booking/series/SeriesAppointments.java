package dk.clinic.booking.series;

import dk.clinic.booking.appointment.Appointment;

import java.util.List;

/** A series with its appointments in position order. */
public record SeriesAppointments(AppointmentSeries series, List<Appointment> appointments) {
}
