package dk.clinic.treatment.appointment;

import dk.clinic.platform.inbox.EventInbox;
import dk.clinic.platform.inbox.InboundEvent;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The appointments booking-service announced, with their current status. Every lifecycle event carries the full
 * state, so one upsert handles them all; an older event never overwrites a newer state.
 */
@ApplicationScoped
public class KnownAppointments {

    private static final String APPOINTMENT_EVENT = "clinic\\.booking\\.appointment\\.[a-z-]+\\.v1";
    private static final Logger LOG = Logger.getLogger(KnownAppointments.class);

    private final KnownAppointmentRepository repository;
    private final EventInbox inbox;
    private final EntityManager entityManager;
    private final Event<AppointmentAnnounced> announced;
    private final Clock clock;

    KnownAppointments(KnownAppointmentRepository repository, EventInbox inbox, EntityManager entityManager, Event<AppointmentAnnounced> announced, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.announced = announced;
    }

    @Transactional
    public void apply(InboundEvent event) {
        inbox.processOnce(event, "known-appointments", e -> {
            if (e.type().matches(APPOINTMENT_EVENT)) {
                upsert(e);
                announced.fire(new AppointmentAnnounced(e));
            } else {
                LOG.infof("Ignoring appointment event of unknown type %s", e.type());
            }
        });
    }

    private void upsert(InboundEvent event) {
        entityManager.createNativeQuery("""
                        insert into known_appointment
                            (appointment_id, patient_id, practitioner_id, starts_at, ends_at, status, version, updated_at)
                        values (:id, :patient, :practitioner, :start, :end, :status, :version, :now)
                        on conflict (appointment_id) do update set
                            practitioner_id = excluded.practitioner_id, starts_at = excluded.starts_at,
                            ends_at = excluded.ends_at, status = excluded.status,
                            version = excluded.version, updated_at = excluded.updated_at
                        where known_appointment.version < excluded.version""")
                .setParameter("id", event.uuid("appointmentId"))
                .setParameter("patient", event.uuid("patientId"))
                .setParameter("practitioner", event.uuid("practitionerId"))
                .setParameter("start", event.instant("start"))
                .setParameter("end", event.instant("end"))
                .setParameter("status", event.text("status"))
                .setParameter("version", event.number("version"))
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    public List<KnownAppointment> ofPatient(UUID patientId) {
        return repository.list("patientId", Sort.by("start"), patientId);
    }
}
