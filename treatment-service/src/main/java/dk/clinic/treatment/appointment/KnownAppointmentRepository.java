package dk.clinic.treatment.appointment;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The known_appointment table, for this package only. */
@ApplicationScoped
class KnownAppointmentRepository implements PanacheRepositoryBase<KnownAppointment, UUID> {
}
