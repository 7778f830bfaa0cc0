package dk.clinic.treatment.appointment;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.inbox.EventHandler;
import dk.clinic.platform.inbox.InboundEvent;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The appointments booking-service announced, with their current status. Every lifecycle event carries the full
 * state, so one upsert handles them all; an older event never overwrites a newer state.
 */
@ApplicationScoped
public class KnownAppointments implements EventHandler {

    private final KnownAppointmentRepository repository;
    private final EntityManager entityManager;
    private final Event<AppointmentAnnounced> announced;
    private final Clock clock;

    KnownAppointments(KnownAppointmentRepository repository, EntityManager entityManager,
                      Event<AppointmentAnnounced> announced, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.entityManager = entityManager;
        this.announced = announced;
    }

    @Override
    public String name() {
        return "known-appointments";
    }

    @Override
    public Set<EventType> handles() {
        return EnumSet.of(EventType.APPOINTMENT_BOOKED, EventType.APPOINTMENT_RESCHEDULED,
                EventType.APPOINTMENT_CANCELLED, EventType.APPOINTMENT_ARRIVED, EventType.APPOINTMENT_FULFILLED,
                EventType.APPOINTMENT_NO_SHOW);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        upsert(event);
        announced.fire(new AppointmentAnnounced(event));
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
