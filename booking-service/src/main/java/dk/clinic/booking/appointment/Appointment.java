package dk.clinic.booking.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment. The resources it holds are rows in {@code reservation} (see {@link Reservations}); the ids here
 * say which ones, for reading.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false)
    public UUID appointmentTypeId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "room_id")
    public UUID roomId;

    @Column(name = "device_id")
    public UUID deviceId;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "series_position")
    public Integer seriesPosition;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    public CancelledBy cancelledBy;

    @Column(name = "late_cancellation")
    public Boolean lateCancellation;

    public String note;

    @Column(name = "reminder_sent_at")
    public Instant reminderSentAt;

    /** Set when booked for a treatment plan's scheduling request (the round trip with treatment-service). */
    @Column(name = "scheduling_request_id")
    public UUID schedulingRequestId;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "course_id")
    public UUID courseId;

    /** Something the reception should act on, e.g. plan_closed: the plan ended, this session is not needed. */
    @Column(name = "flag")
    public String flag;

    @Column(name = "flag_reason")
    public String flagReason;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public enum CancelledBy {
        patient, clinic
    }
}
