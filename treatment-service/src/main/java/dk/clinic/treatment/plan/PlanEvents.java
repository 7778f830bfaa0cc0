package dk.clinic.treatment.plan;

import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** What treatment-service tells others about plans (topic {@value #TOPIC}, keyed by patient). */
@ApplicationScoped
class PlanEvents {

    static final String TOPIC = "treatment.plans";
    static final String REVIEW_DUE = "clinic.treatment.plan.review-due.v1";
    static final String CLOSED = "clinic.treatment.plan.closed.v1";

    private final Outbox outbox;

    PlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void reviewDue(TreatmentPlan plan, UUID patientId, Course course) {
        outbox.record(TOPIC, patientId.toString(), REVIEW_DUE, plan.id.toString(),
                new ReviewDue(plan.id, plan.episodeId, patientId, course.id, course.modality, course.sessionsDelivered,
                        course.reviewAfterSessions, plan.version));
    }

    void closed(TreatmentPlan plan, UUID patientId, String reason) {
        outbox.record(TOPIC, patientId.toString(), CLOSED, plan.id.toString(),
                new Closed(plan.id, plan.episodeId, patientId, plan.status.name(), reason, plan.version));
    }

    record ReviewDue(UUID planId, UUID episodeId, UUID patientId, UUID courseId, String modality,
                     int sessionsDelivered, int reviewAfterSessions, long version) {
    }

    record Closed(UUID planId, UUID episodeId, UUID patientId, String status, String reason, long version) {
    }
}
