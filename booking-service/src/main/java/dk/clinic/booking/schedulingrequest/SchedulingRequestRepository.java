package dk.clinic.booking.schedulingrequest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The scheduling_request table, for this package only. */
@ApplicationScoped
class SchedulingRequestRepository implements PanacheRepositoryBase<SchedulingRequest, UUID> {
}
