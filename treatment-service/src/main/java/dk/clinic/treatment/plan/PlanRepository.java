package dk.clinic.treatment.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The treatment_plan table, for this package only. */
@ApplicationScoped
class PlanRepository implements PanacheRepositoryBase<TreatmentPlan, UUID> {
}
