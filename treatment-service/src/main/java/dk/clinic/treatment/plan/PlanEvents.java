package dk.clinic.treatment.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What treatment-service tells others about plans (topic {@code treatment.plans}, keyed by patient). */
@ApplicationScoped
class PlanEvents {

    private final Outbox outbox;

    PlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void reviewDue(TreatmentPlan plan, UUID patientId, Course course) {
        outbox.record(EventType.PLAN_REVIEW_DUE, patientId.toString(), plan.id.toString(),
                new ReviewDue(plan.id, plan.episodeId, patientId, course.id, course.modality, course.sessionsDelivered,
                        course.reviewAfterSessions, plan.version));
    }

    void closed(TreatmentPlan plan, UUID patientId, String reason) {
        outbox.record(EventType.PLAN_CLOSED, patientId.toString(), plan.id.toString(),
                new Closed(plan.id, plan.episodeId, patientId, plan.status.name(), reason, plan.version));
    }

    void changed(TreatmentPlan plan, UUID patientId, List<Course> courses) {
        outbox.record(EventType.PLAN_CHANGED, patientId.toString(), plan.id.toString(),
                new Changed(plan.id, plan.episodeId, patientId, plan.status.name(), plan.currentVersion,
                        courses.stream().map(course -> new Changed.CourseState(course.id, course.position,
                                course.modality, course.plannedSessions, course.reviewAfterSessions,
                                course.status.name())).toList()));
    }

    void reviewDecided(ReviewDecision decision, TreatmentPlan plan, UUID patientId, Course course) {
        outbox.record(EventType.PLAN_REVIEW_DECIDED, patientId.toString(), plan.id.toString(),
                new ReviewDecided(decision.id, plan.id, plan.episodeId, patientId, course.id, course.modality,
                        course.sessionsDelivered, decision.decision.code(), decision.newModality,
                        decision.additionalSessions, decision.decidedAt));
    }

    record Changed(UUID planId, UUID episodeId, UUID patientId, String status, int planVersion,
                   List<CourseState> courses) {
        record CourseState(UUID courseId, int position, String modality, int plannedSessions,
                           int reviewAfterSessions, String status) {
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReviewDecided(UUID decisionId, UUID planId, UUID episodeId, UUID patientId, UUID courseId, String modality,
                         int sessionsDelivered, String decision, String newModality, Integer additionalSessions,
                         Instant decidedAt) {
    }

    record ReviewDue(UUID planId, UUID episodeId, UUID patientId, UUID courseId, String modality,
                     int sessionsDelivered, int reviewAfterSessions, long version) {
    }

    record Closed(UUID planId, UUID episodeId, UUID patientId, String status, String reason, long version) {
    }
}
