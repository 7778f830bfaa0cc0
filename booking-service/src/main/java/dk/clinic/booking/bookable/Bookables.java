package dk.clinic.booking.bookable;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Keeps the clinic's practitioners, rooms and devices. Names are unique per kind (a constraint decides). */
@ApplicationScoped
public class Bookables {

    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager entityManager;

    Bookables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds a practitioner, room or device (e.g. {@code add(Room::new, details)}); 409 when the name is taken. */
    @Transactional
    public <T extends Bookable> T add(Supplier<T> kind, BookableDetails.Details<T> details) {
        T resource = kind.get();
        details.applyTo(resource);
        resource.id = UUID.randomUUID();
        entityManager.persist(resource);
        flushNamed(resource);
        return resource;
    }

    /** Changes one, given the version the caller read (If-Match); 409 when the new name is taken. */
    @Transactional
    public <T extends Bookable> T change(Class<T> kind, UUID id, String ifMatch, BookableDetails.Details<T> details) {
        T resource = require(kind, id);
        Versions.requireCurrent(ifMatch, resource.version, kind.getSimpleName());
        details.applyTo(resource);
        flushNamed(resource);
        return resource;
    }

    public <T extends Bookable> T require(Class<T> kind, UUID id) {
        T resource = entityManager.find(kind, id);
        if (resource == null) {
            throw ProblemException.notFound(kind.getSimpleName(), id);
        }
        return resource;
    }

    /** For a reference in a request body: 422 naming the field when it refers to nothing (or to something inactive). */
    public <T extends Bookable> T requireActiveReference(Class<T> kind, String field, UUID id) {
        T resource = id == null ? null : entityManager.find(kind, id);
        if (resource == null || !resource.active) {
            throw ProblemException.unknownReference(field, kind.getSimpleName(), id);
        }
        return resource;
    }

    /** For a practitioner named in a request body: active, and delivering {@code modality} (422 naming the field). */
    public Practitioner requireDelivering(String field, UUID practitionerId, String modality) {
        Practitioner practitioner = requireActiveReference(Practitioner.class, field, practitionerId);
        if (!practitioner.delivers(modality)) {
            throw new ProblemException(422, "cannot-deliver", "The practitioner does not deliver this treatment",
                    practitioner.name + " does not deliver " + modality).field(field, "does not deliver " + modality);
        }
        return practitioner;
    }

    public <T extends Bookable> List<T> active(Class<T> kind) {
        return entityManager.createQuery("from " + kind.getSimpleName() + " where active order by name", kind)
                .getResultList();
    }

    public List<Practitioner> practitionersDelivering(String modality) {
        return entityManager.createQuery(
                        "select p from Practitioner p join p.modalities m where p.active and m = :modality order by p.name",
                        Practitioner.class)
                .setParameter("modality", modality).getResultList();
    }

    public List<Room> activeRooms(String roomKind) {
        return entityManager.createQuery("from Room where active and roomKind = :kind order by name", Room.class)
                .setParameter("kind", roomKind).getResultList();
    }

    public List<Device> activeDevices(String deviceKind) {
        return entityManager.createQuery("from Device where active and deviceKind = :kind order by name", Device.class)
                .setParameter("kind", deviceKind).getResultList();
    }

    private void flushNamed(Bookable resource) {
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict("name-taken", "The name is taken",
                        "Another " + resource.kind() + " is already called " + resource.name).field("name", "is taken");
            }
            throw e;
        }
    }
}
