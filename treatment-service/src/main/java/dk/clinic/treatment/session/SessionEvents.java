package dk.clinic.treatment.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import dk.clinic.treatment.episode.EpisodeService;
import dk.clinic.treatment.plan.Course;
import dk.clinic.treatment.plan.PlanService;
import dk.clinic.treatment.plan.TreatmentPlan;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * What treatment-service tells others about sessions (topic {@code treatment.sessions}, keyed by patient): that a
 * session of a course took place, its number in the course and the day's first-step pain; never the details, the
 * adverse events or the notes.
 */
@ApplicationScoped
class SessionEvents {

    private final Outbox outbox;
    private final PlanService plans;
    private final EpisodeService episodes;

    SessionEvents(Outbox outbox, PlanService plans, EpisodeService episodes) {
        this.outbox = outbox;
        this.plans = plans;
        this.episodes = episodes;
    }

    /** Call after the session is flushed, so the event carries its version. */
    void record(EventType type, SessionRecord session, Course course) {
        TreatmentPlan plan = plans.require(course.planId);
        UUID patientId = episodes.require(plan.episodeId).patientId;
        outbox.record(type, patientId.toString(), session.id.toString(), new Session(session.id, patientId,
                plan.episodeId, plan.id, course.id, course.modality, session.numberInCourse, session.appointmentId,
                session.deliveredAt, session.status.name(), session.firstStepPain, session.version));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Session(UUID sessionId, UUID patientId, UUID episodeId, UUID planId, UUID courseId, String modality,
                   int sessionNumber, UUID appointmentId, Instant deliveredAt, String status, Integer firstStepPain,
                   long version) {
    }
}
