package dk.clinic.booking.appointment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The appointment table, for this package only: other features go through {@link Appointments}. */
@ApplicationScoped
class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {
}
