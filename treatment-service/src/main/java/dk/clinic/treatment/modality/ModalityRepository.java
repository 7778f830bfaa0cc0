package dk.clinic.treatment.modality;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The modality table, for this package only. */
@ApplicationScoped
class ModalityRepository implements PanacheRepositoryBase<Modality, String> {
}
