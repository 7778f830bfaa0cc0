package dk.clinic.treatment.scheduling;

import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.treatment.appointment.AppointmentAnnounced;
import dk.clinic.treatment.plan.Course;
import dk.clinic.treatment.plan.PlanService;
import dk.clinic.treatment.plan.SessionsNeeded;
import dk.clinic.treatment.plan.TreatmentPlan;
import dk.clinic.treatment.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Steps 3 and 4 of the round trip: booking's appointment events that name a course link the appointment to it; a
 * fulfilled one becomes a session waiting to be recorded; a cancelled or missed one counts against adherence and,
 * where the course says so, asks for a replacement. Booking's version decides: an older event changes nothing.
 */
@ApplicationScoped
public class CourseAppointments {

    private static final Logger LOG = Logger.getLogger(CourseAppointments.class);

    private final EntityManager entityManager;
    private final PlanService plans;
    private final SessionService sessions;
    private final Event<SessionsNeeded> sessionsNeeded;
    private final Clock clock;

    CourseAppointments(EntityManager entityManager, PlanService plans, SessionService sessions,
                       Event<SessionsNeeded> sessionsNeeded, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.plans = plans;
        this.sessions = sessions;
        this.sessionsNeeded = sessionsNeeded;
    }

    void follow(@Observes AppointmentAnnounced announced) {
        InboundEvent event = announced.event();
        if (!event.data().hasNonNull("courseId")) {
            return;
        }
        Course course = entityManager.find(Course.class, event.uuid("courseId"));
        if (course == null) {
            LOG.warnf("Appointment %s names course %s, which treatment does not know; ignored",
                    event.text("appointmentId"), event.text("courseId"));
            return;
        }
        String status = event.text("status");
        int applied = entityManager.createNativeQuery("""
                        insert into course_appointment
                            (appointment_id, course_id, scheduling_request_id, starts_at, status, version, updated_at)
                        values (:id, :course, :request, :start, :status, :version, :now)
                        on conflict (appointment_id) do update set
                            starts_at = excluded.starts_at, status = excluded.status, version = excluded.version,
                            updated_at = excluded.updated_at
                        where course_appointment.version < excluded.version""")
                .setParameter("id", event.uuid("appointmentId"))
                .setParameter("course", course.id)
                .setParameter("request", event.data().hasNonNull("schedulingRequestId")
                        ? event.uuid("schedulingRequestId") : null)
                .setParameter("start", event.instant("start").atOffset(ZoneOffset.UTC))
                .setParameter("status", status)
                .setParameter("version", event.number("version"))
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (applied == 0) {
            return; // an older state than the one already known
        }
        switch (status) {
            case "fulfilled" -> sessions.fromAppointment(course, event.uuid("appointmentId"), event.instant("start"));
            case "cancelled", "noshow" -> replaceIfWanted(course);
            default -> {
            }
        }
    }

    private void replaceIfWanted(Course course) {
        TreatmentPlan plan = plans.require(course.planId);
        if (course.replaceMissed && !plan.closed() && course.status == Course.Status.active) {
            sessionsNeeded.fire(new SessionsNeeded(plan, course, 1, SessionsNeeded.Reason.replacement));
        }
    }

    /** Per course: booked, fulfilled, cancelled and missed appointments, and the share of ended ones kept. */
    public List<Adherence> adherence(UUID planId) {
        return plans.courses(planId).stream().map(course -> {
            @SuppressWarnings("unchecked")
            List<Object[]> counts = entityManager.createNativeQuery(
                            "select status, count(*) from course_appointment where course_id = :course group by status")
                    .setParameter("course", course.id).getResultList();
            long booked = 0;
            long fulfilled = 0;
            long cancelled = 0;
            long missed = 0;
            for (Object[] row : counts) {
                long n = ((Number) row[1]).longValue();
                switch ((String) row[0]) {
                    case "booked", "arrived" -> booked += n;
                    case "fulfilled" -> fulfilled += n;
                    case "cancelled" -> cancelled += n;
                    case "noshow" -> missed += n;
                    default -> {
                    }
                }
            }
            long ended = fulfilled + cancelled + missed;
            Integer percent = ended == 0 ? null : (int) Math.round(100.0 * fulfilled / ended);
            return new Adherence(course.id, course.modality, course.plannedSessions, booked, fulfilled, cancelled,
                    missed, percent);
        }).toList();
    }

    public record Adherence(UUID courseId, String modality, int plannedSessions, long booked, long fulfilled,
                            long cancelled, long noShows, Integer adherencePercent) {
    }
}
