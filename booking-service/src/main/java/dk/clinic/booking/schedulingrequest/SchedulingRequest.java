package dk.clinic.booking.schedulingrequest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Sessions a treatment plan asked to have booked: an open task for the reception until a series is booked. */
@Entity
@Table(name = "scheduling_request")
public class SchedulingRequest {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "course_id", nullable = false)
    public UUID courseId;

    @Column(nullable = false)
    public String modality;

    @Column(nullable = false)
    public int sessions;

    @Column(name = "interval_days", nullable = false)
    public int intervalDays;

    @Column(name = "practitioner_preference")
    public UUID practitionerPreference;

    @Column(name = "device_needed", nullable = false)
    public boolean deviceNeeded;

    @Column(name = "auto_book", nullable = false)
    public boolean autoBook;

    /** course_created, course_extended or replacement. */
    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Version
    public long version;

    @Schema(name = "SchedulingRequestStatus")
    public enum Status {
        open, booked, closed
    }
}
