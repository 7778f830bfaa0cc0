package dk.clinic.booking.appointmenttype;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The appointment_type table, for this package only. */
@ApplicationScoped
class AppointmentTypeRepository implements PanacheRepositoryBase<AppointmentType, UUID> {
}
