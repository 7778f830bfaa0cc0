package dk.clinic.booking.waitlist;

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

/** A patient waiting for an appointment type: any time in [earliest, latest), with a practitioner or anyone. */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false)
    public UUID appointmentTypeId;

    /** Null: any practitioner who delivers the type. */
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(nullable = false)
    public Instant earliest;

    @Column(nullable = false)
    public Instant latest;

    /** 1 is the most urgent, 5 the least. */
    @Column(nullable = false)
    public short priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    /** Whether an appointment starting at {@code start} lies in the patient's window. */
    boolean accepts(Instant start) {
        return !start.isBefore(earliest) && start.isBefore(latest);
    }

    @Schema(name = "WaitlistEntryStatus")
    public enum Status {
        /** Gets offers when matching time frees up. */
        waiting,
        /** Has one open offer; gets no other until it is answered or expires. */
        offered,
        booked,
        withdrawn
    }
}
