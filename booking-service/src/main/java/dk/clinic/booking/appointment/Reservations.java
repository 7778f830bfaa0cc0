package dk.clinic.booking.appointment;

import dk.clinic.booking.schedule.TimeRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
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

    Reservations(EntityManager entityManager) {
        this.entityManager = entityManager;
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
    boolean hold(UUID appointmentId, UUID resourceId, TimeRange range) {
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
