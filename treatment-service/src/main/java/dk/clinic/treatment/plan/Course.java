package dk.clinic.treatment.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** A course of one modality: e.g. dry needling, 4 sessions a week apart, reviewed after the 4th. */
@Entity
@Table(name = "course")
public class Course {

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String modality;

    @Column(name = "planned_sessions", nullable = false)
    public int plannedSessions;

    @Column(name = "interval_days", nullable = false)
    public int intervalDays;

    /** When this many sessions are delivered, the course is reviewed before it goes on. */
    @Column(name = "review_after_sessions", nullable = false)
    public int reviewAfterSessions;

    /** Default session parameters, e.g. {"impulses": 2000, "frequencyHz": 10}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String parameters;

    @Column(name = "practitioner_preference")
    public UUID practitionerPreference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "sessions_delivered", nullable = false)
    public int sessionsDelivered;

    /** booking-service books the earliest fitting series itself, without the reception. */
    @Column(name = "auto_book", nullable = false)
    public boolean autoBook;

    /** A cancelled or missed session is asked to be booked again. */
    @Column(name = "replace_missed", nullable = false)
    public boolean replaceMissed;

    @Schema(name = "CourseStatus")
    public enum Status {
        active, review_due, completed, switched, stopped
    }
}
