package dk.clinic.booking.series;

import dk.clinic.booking.appointment.AppointmentView;
import dk.clinic.booking.appointment.AppointmentViews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A series as the reception sees it: the course and its occurrences in position order. */
public record SeriesView(UUID id, UUID patientId, UUID appointmentTypeId, UUID practitionerId, int intervalDays,
                         Instant createdAt, String createdBy, long version, List<AppointmentView> occurrences) {

    static SeriesView of(SeriesAppointments loaded, AppointmentViews views) {
        AppointmentSeries s = loaded.series();
        return new SeriesView(s.id, s.patientId, s.appointmentTypeId, s.practitionerId, s.intervalDays, s.createdAt,
                s.createdBy, s.version, views.all(loaded.appointments()));
    }
}
