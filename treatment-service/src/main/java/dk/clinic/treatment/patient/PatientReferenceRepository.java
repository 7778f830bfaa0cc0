package dk.clinic.treatment.patient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The patient_reference table, for this package only. */
@ApplicationScoped
class PatientReferenceRepository implements PanacheRepositoryBase<PatientReference, UUID> {
}
