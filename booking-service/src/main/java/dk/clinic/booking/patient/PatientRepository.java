package dk.clinic.booking.patient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The patient table, for this package only: other features go through {@link PatientService}. */
@ApplicationScoped
class PatientRepository implements PanacheRepositoryBase<Patient, UUID> {
}
