package dk.clinic.treatment.plan;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

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

    record ReviewDue(UUID planId, UUID episodeId, UUID patientId, UUID courseId, String modality,
                     int sessionsDelivered, int reviewAfterSessions, long version) {
    }

    record Closed(UUID planId, UUID episodeId, UUID patientId, String status, String reason, long version) {
    }
}
