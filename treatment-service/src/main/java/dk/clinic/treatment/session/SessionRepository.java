package dk.clinic.treatment.session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The session_record table, for this package only. */
@ApplicationScoped
class SessionRepository implements PanacheRepositoryBase<SessionRecord, UUID> {
}
