package dk.clinic.treatment.session;

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
import java.util.UUID;

/** What one delivered session did: modality-specific details, adverse events, notes, first-step pain that day. */
@Entity
@Table(name = "session_record")
public class SessionRecord {

    @Id
    public UUID id;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    /** The booked appointment it was delivered in, when booking-service booked it. */
    @Column(name = "appointment_id", unique = true)
    public UUID appointmentId;

    @Column(name = "delivered_at", nullable = false)
    public Instant deliveredAt;

    /** The n-th session delivered in its course. */
    @Column(name = "number_in_course", nullable = false)
    public int numberInCourse;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Checked against the modality's parameters, e.g. {"impulses": 2000, "frequencyHz": 10, "barPressure": 2.5}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String details;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "adverse_events", nullable = false, columnDefinition = "jsonb")
    public String adverseEvents;

    public String notes;

    /** NRS 0-10, the first steps that morning. */
    @Column(name = "first_step_pain")
    public Integer firstStepPain;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Version
    public long version;

    @Schema(name = "SessionStatus")
    public enum Status {
        /** The appointment took place; the practitioner has not written the record yet. */
        awaiting_record,
        recorded
    }
}
