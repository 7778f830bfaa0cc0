package dk.clinic.treatment.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.persistence.SqlValues;
import dk.clinic.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The numbered history of a plan: each change is a snapshot with who made it, when and why. */
@ApplicationScoped
class PlanVersions {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CurrentUser user;
    private final Clock clock;

    PlanVersions(EntityManager entityManager, ObjectMapper json, CurrentUser user, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.json = json;
        this.user = user;
    }

    /** Records the plan as it now is as its next version. */
    void record(TreatmentPlan plan, List<Course> courses, String change) {
        plan.currentVersion++;
        String snapshot;
        try {
            snapshot = json.writeValueAsString(new Snapshot(plan.status, json.readTree(plan.goals),
                    courses.stream().map(PlanRequests.CourseView::of).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                        insert into treatment_plan_version (plan_id, number, changed_at, changed_by, change, snapshot)
                        values (:plan, :number, :at, :by, :change, cast(:snapshot as jsonb))""")
                .setParameter("plan", plan.id)
                .setParameter("number", plan.currentVersion)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter("by", user.name())
                .setParameter("change", change)
                .setParameter("snapshot", snapshot)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    List<PlanRequests.VersionView> of(UUID planId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select number, changed_at, changed_by, change, cast(snapshot as text)
                        from treatment_plan_version where plan_id = :plan order by number""")
                .setParameter("plan", planId).getResultList();
        return rows.stream().map(r -> new PlanRequests.VersionView(((Number) r[0]).intValue(), SqlValues.instant(r[1]),
                (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    record Snapshot(TreatmentPlan.Status status, Object goals, List<PlanRequests.CourseView> courses) {
    }
}
