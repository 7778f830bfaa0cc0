package dk.clinic.booking.waitlist;

import dk.clinic.booking.appointment.TimeFreed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/**
 * Freed time offered to one waitlist entry until {@code expiresAt}. It holds nothing: accepting books the time only
 * if it is still free then.
 */
@Entity
@Table(name = "waitlist_offer")
public class WaitlistOffer {

    @Id
    public UUID id;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The offered time, free again for the next patient once this offer is declined or has expired. */
    TimeFreed time(WaitlistEntry entry) {
        return new TimeFreed(entry.appointmentTypeId, practitionerId, start, end);
    }

    @Schema(name = "WaitlistOfferStatus")
    public enum Status {
        open, accepted, expired, declined
    }
}
