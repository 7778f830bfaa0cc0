package dk.clinic.booking.schedulingrequest;

import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointment.Appointments;
import dk.clinic.booking.appointment.Lifecycle;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.series.RequestedCourses;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.followup.FollowUps;
import dk.clinic.platform.inbox.EventHandler;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * booking-service's half of the round trip with treatment-service: scheduling requests become open tasks for the
 * reception (or are booked automatically), the appointments booked for them carry the plan and course back in
 * their events, and a plan that ends flags its remaining appointments rather than deleting them.
 */
@ApplicationScoped
public class SchedulingRequestService implements RequestedCourses, EventHandler {

    private final SchedulingRequestRepository repository;
    private final Appointments appointments;
    private final Lifecycle lifecycle;
    private final FollowUps followUps;
    private final Clock clock;

    SchedulingRequestService(SchedulingRequestRepository repository, Appointments appointments, Lifecycle lifecycle,
                             FollowUps followUps, Clock clock) {
        this.repository = repository;
        this.appointments = appointments;
        this.lifecycle = lifecycle;
        this.followUps = followUps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "scheduling-requests";
    }

    @Override
    public Set<EventType> handles() {
        return EnumSet.of(EventType.SCHEDULING_REQUESTED, EventType.PLAN_CLOSED);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        if (event.is(EventType.SCHEDULING_REQUESTED)) {
            receive(event);
        } else {
            planClosed(event);
        }
    }

    /**
     * Requests and plan events come on different topics, to any instance of this service, in any order. Whatever touches
     * one plan's requests (storing one, booking one, closing the plan) takes its turn, so a request stored or booked
     * while its plan closes is either seen by the closing or sees it.
     */
    private void lockPlan(UUID planId) {
        repository.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(cast(:plan as text), 0))")
                .setParameter("plan", planId.toString()).getSingleResult();
    }

    private boolean closed(UUID planId) {
        return !repository.getEntityManager().createNativeQuery("select 1 from closed_plan where plan_id = :plan")
                .setParameter("plan", planId).getResultList().isEmpty();
    }

    private void receive(InboundEvent event) {
        lockPlan(event.uuid("planId"));
        SchedulingRequest request = new SchedulingRequest();
        request.id = event.uuid("requestId");
        request.patientId = event.uuid("patientId");
        request.planId = event.uuid("planId");
        request.courseId = event.uuid("courseId");
        request.modality = event.text("modality");
        request.sessions = (int) event.number("sessions");
        request.intervalDays = (int) event.number("intervalDays");
        request.practitionerPreference = event.data().hasNonNull("practitionerPreference")
                ? event.uuid("practitionerPreference") : null;
        request.deviceNeeded = event.data().path("deviceNeeded").asBoolean();
        request.autoBook = event.data().path("autoBook").asBoolean();
        request.reason = event.text("reason");
        // a request of a plan that has already ended (its closing came first) is nothing to book
        request.status = closed(request.planId) ? SchedulingRequest.Status.closed : SchedulingRequest.Status.open;
        request.receivedAt = clock.instant();
        repository.persist(request);
        if (request.status == SchedulingRequest.Status.open && request.autoBook) {
            // off the consumer's thread and after this commit: the worker books it, and a crash in between loses nothing
            followUps.schedule(AutoBooking.AUTO_BOOK, new Received(request.id));
        }
    }

    /** The plan ended: its future booked appointments are flagged for the reception to cancel with the patient. */
    private void planClosed(InboundEvent event) {
        UUID planId = event.uuid("planId");
        lockPlan(planId);
        repository.getEntityManager().createNativeQuery("""
                        insert into closed_plan (plan_id, status, closed_at) values (:plan, :status, :at)
                        on conflict (plan_id) do nothing""")
                .setParameter("plan", planId).setParameter("at", clock.instant().atOffset(ZoneOffset.UTC)).setParameter("status", event.text("status")).executeUpdate();
        // the practitioner's reason is clinical: the reception sees only that the plan ended, and how
        String reason = "Treatment plan " + event.text("status");
        for (Appointment appointment : appointments.bookedForPlanAfter(planId, clock.instant())) {
            lifecycle.flag(appointment, "plan_closed", reason);
        }
        repository.update("status = ?1 where planId = ?2 and status = ?3", SchedulingRequest.Status.closed, planId,
                SchedulingRequest.Status.open);
    }

    public List<SchedulingRequest> withStatus(SchedulingRequest.Status status) {
        return repository.list("status", Sort.by("receivedAt"), status);
    }

    public SchedulingRequest require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Scheduling request", id));
    }

    /**
     * The open request a series is booked for, locked; it must be for that patient and the type's modality.
     * 422 naming {@code schedulingRequestId} otherwise.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(UUID id, UUID patientId, AppointmentType type) {
        UUID planId = repository.getEntityManager().createQuery("select planId from SchedulingRequest where id = :id", UUID.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.unknownReference("schedulingRequestId", "Scheduling request", id));
        // the plan first, then the request, in the same order as a closing plan takes them
        lockPlan(planId);
        SchedulingRequest request = repository.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        if (request.status != SchedulingRequest.Status.open) {
            throw ProblemException.conflict("request-not-open", "The scheduling request is " + request.status,
                    "It was already booked or its plan ended").field("schedulingRequestId", "is " + request.status);
        }
        if (!request.patientId.equals(patientId)) {
            throw new ProblemException(422, "wrong-patient", "The request is for another patient",
                    "Book the request for its own patient").field("schedulingRequestId", "is for another patient");
        }
        if (!request.modality.equals(type.modality)) {
            throw new ProblemException(422, "wrong-modality", "The appointment type delivers another modality",
                    "The request needs " + request.modality).field("appointmentTypeId", "does not deliver " + request.modality);
        }
    }

    /** Links the booked appointments to the request's plan and course, and closes the request. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void booked(UUID requestId, UUID seriesId, List<Appointment> booked) {
        SchedulingRequest request = repository.findById(requestId);
        for (Appointment appointment : booked) {
            appointment.schedulingRequestId = request.id;
            appointment.planId = request.planId;
            appointment.courseId = request.courseId;
        }
        request.status = SchedulingRequest.Status.booked;
        request.seriesId = seriesId;
    }

    /** A request the plan wants booked automatically: the follow-up {@link AutoBooking} carries out. */
    public record Received(UUID requestId) {
    }
}
