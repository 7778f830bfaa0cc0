package dk.clinic.treatment.outcome;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The outcome_measurement table, for this package only. */
@ApplicationScoped
class OutcomeRepository implements PanacheRepositoryBase<OutcomeMeasurement, UUID> {
}
