package dk.clinic.booking.appointment;

import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.bookable.Bookable;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.workinghours.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What appointments hold. Each hold is one row in {@code reservation}; PostgreSQL's exclusion constraint refuses a
 * second active row for the same resource in overlapping time, whatever the number of concurrent requests or
 * service instances. A refused hold is undone to a savepoint, so the booking can try another room or report the
 * conflict without losing its transaction.
 */
@ApplicationScoped
class Reservations {

    /** Two requests inserting overlapping holds at the same instant wait on each other; PostgreSQL lets one win. */
    private static final String DEADLOCK_DETECTED = "40P01";

    private final EntityManager entityManager;
    private final Bookables bookables;

    Reservations(EntityManager entityManager, Bookables bookables) {
        this.entityManager = entityManager;
        this.bookables = bookables;
    }

    /**
     * Holds the practitioner, a room and a device for the appointment, buffers included, and records which room and
     * device it got. The chosen room and device are kept when given; otherwise the first free one of the kind is
     * taken. When something is taken, every hold of this attempt is undone, so alternatives can be searched.
     *
     * @return the taken resource when a hold was refused (the caller's transaction must then fail)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<Conflict> place(Appointment appointment, Placement placement) {
        Optional<Conflict> conflict = holdAll(appointment, placement);
        if (conflict.isPresent()) {
            drop(appointment.id);
        }
        return conflict;
    }

    private Optional<Conflict> holdAll(Appointment appointment, Placement placement) {
        AppointmentType type = placement.type();
        TimeRange held = new TimeRange(appointment.start, appointment.end).widen(type.bufferBefore(), type.bufferAfter());
        Practitioner practitioner = placement.practitioner();
        if (!hold(appointment.id, practitioner.id, held)) {
            return Optional.of(new Conflict("practitioner", practitioner.id, practitioner.name,
                    practitioner.name + " is booked at that time"));
        }
        if (type.roomKind != null) {
            Optional<Bookable> room = holdOne(appointment, held, placement.room(), bookables.activeRooms(type.roomKind));
            if (room.isEmpty()) {
                return Optional.of(missing("room", placement.room(), "No " + type.roomKind + " room is free then"));
            }
            appointment.roomId = room.get().id;
        }
        if (type.deviceKind != null) {
            Optional<Bookable> device = holdOne(appointment, held, placement.device(),
                    bookables.activeDevices(type.deviceKind));
            if (device.isEmpty()) {
                return Optional.of(missing("device", placement.device(), "No " + type.deviceKind + " device is free then"));
            }
            appointment.deviceId = device.get().id;
        }
        return Optional.empty();
    }

    private Optional<Bookable> holdOne(Appointment appointment, TimeRange held, Bookable chosen,
                                       List<? extends Bookable> candidates) {
        List<? extends Bookable> tries = chosen != null ? List.of(chosen) : candidates;
        for (Bookable candidate : tries) {
            if (hold(appointment.id, candidate.id, held)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Conflict missing(String kind, Bookable chosen, String detail) {
        return chosen == null ? new Conflict(kind, null, null, detail)
                : new Conflict(kind, chosen.id, chosen.name, chosen.name + " is booked at that time");
    }

    /**
     * Holds the resource over {@code range}, or finds it taken. The exclusion constraint decides: with
     * {@code on conflict on constraint reservation_no_overlap do nothing} a taken resource is an insert of no row
     * rather than an error (any other conflict, such as one appointment holding one resource twice, still fails), and
     * PostgreSQL's speculative insertion lets two requests for the same time settle without a deadlock. Holding
     * several resources (practitioner, room, device) in one transaction can still deadlock with another request
     * holding them in another order; the savepoint turns that into "taken" without losing the transaction.
     *
     * @return false when the resource is already held for part of {@code range}
     */
    private boolean hold(UUID appointmentId, UUID resourceId, TimeRange range) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (Statement savepoint = connection.createStatement()) {
                savepoint.execute("savepoint hold");
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into reservation (appointment_id, resource_id, during)
                        values (?, ?, tstzrange(?, ?, '[)'))
                        on conflict on constraint reservation_no_overlap do nothing""")) {
                    insert.setObject(1, appointmentId);
                    insert.setObject(2, resourceId);
                    insert.setObject(3, range.start().atOffset(ZoneOffset.UTC));
                    insert.setObject(4, range.end().atOffset(ZoneOffset.UTC));
                    boolean held = insert.executeUpdate() == 1;
                    savepoint.execute("release savepoint hold");
                    return held;
                } catch (SQLException e) {
                    savepoint.execute("rollback to savepoint hold");
                    if (DEADLOCK_DETECTED.equals(e.getSQLState())) {
                        return false;
                    }
                    throw e;
                }
            }
        });
    }

    /** A cancelled or missed appointment no longer holds anything; its rows stay as a record. */
    void release(UUID appointmentId) {
        entityManager.createNativeQuery("update reservation set active = false where appointment_id = :id")
                .setParameter("id", appointmentId).executeUpdate();
    }

    /** Before an appointment moves (it will hold anew), or after an attempt that could not hold everything. */
    void drop(UUID appointmentId) {
        entityManager.createNativeQuery("delete from reservation where appointment_id = :id")
                .setParameter("id", appointmentId).executeUpdate();
    }
}
