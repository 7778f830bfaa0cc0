package dk.clinic.treatment.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** The plan for one episode: goals and courses. Every change makes a new numbered version (who, when, why). */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan {

    @Id
    public UUID id;

    @Column(name = "episode_id", nullable = false, unique = true)
    public UUID episodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The plan's goals, e.g. ["Walk 30 minutes without heel pain", "Run 5 km"]. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String goals;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    public boolean closed() {
        return Status.CLOSED.contains(status);
    }

    @Schema(name = "PlanStatus")
    public enum Status {
        active, review_due, discharged, referred, discontinued;

        static final Set<Status> CLOSED = EnumSet.of(discharged, referred, discontinued);
    }
}
