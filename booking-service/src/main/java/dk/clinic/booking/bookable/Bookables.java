package dk.clinic.booking.bookable;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Keeps the clinic's practitioners, rooms and devices. Names are unique per kind (a constraint decides). */
@ApplicationScoped
public class Bookables {

    private static final String UNIQUE_VIOLATION = "23505";

    private final EntityManager entityManager;

    Bookables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public Practitioner addPractitioner(BookableDetails.PractitionerDetails details) {
        Practitioner practitioner = new Practitioner();
        apply(practitioner, details);
        return add(practitioner);
    }

    @Transactional
    public Practitioner changePractitioner(UUID id, String ifMatch, BookableDetails.PractitionerDetails details) {
        return change(Practitioner.class, id, ifMatch, p -> apply(p, details));
    }

    @Transactional
    public Room addRoom(BookableDetails.RoomDetails details) {
        Room room = new Room();
        apply(room, details);
        return add(room);
    }

    @Transactional
    public Room changeRoom(UUID id, String ifMatch, BookableDetails.RoomDetails details) {
        return change(Room.class, id, ifMatch, r -> apply(r, details));
    }

    @Transactional
    public Device addDevice(BookableDetails.DeviceDetails details) {
        Device device = new Device();
        apply(device, details);
        return add(device);
    }

    @Transactional
    public Device changeDevice(UUID id, String ifMatch, BookableDetails.DeviceDetails details) {
        return change(Device.class, id, ifMatch, d -> apply(d, details));
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

    private <T extends Bookable> T add(T resource) {
        resource.id = UUID.randomUUID();
        entityManager.persist(resource);
        flushNamed(resource);
        return resource;
    }

    private <T extends Bookable> T change(Class<T> kind, UUID id, String ifMatch, Consumer<T> change) {
        T resource = require(kind, id);
        Versions.requireCurrent(ifMatch, resource.version, kind.getSimpleName());
        change.accept(resource);
        flushNamed(resource);
        return resource;
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

    private static void apply(Practitioner practitioner, BookableDetails.PractitionerDetails details) {
        practitioner.name = details.name().trim();
        practitioner.profession = details.profession();
        practitioner.modalities.clear();
        practitioner.modalities.addAll(details.modalities() == null ? Set.of() : details.modalities());
        practitioner.active = details.active() == null || details.active();
    }

    private static void apply(Room room, BookableDetails.RoomDetails details) {
        room.name = details.name().trim();
        room.roomKind = details.roomKind();
        room.active = details.active() == null || details.active();
    }

    private static void apply(Device device, BookableDetails.DeviceDetails details) {
        device.name = details.name().trim();
        device.deviceKind = details.deviceKind();
        device.active = details.active() == null || details.active();
    }
}
