package dk.clinic.booking.workinghours;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A dated change to a practitioner's week: an absence (course, illness) or extra hours. */
@Entity
@Table(name = "availability_exception")
public class AvailabilityException {

    @Id
    public UUID id;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    public String reason;

    public TimeRange range() {
        return new TimeRange(start, end);
    }

    @Schema(name = "AvailabilityExceptionKind")
    public enum Kind {
        absence, extra
    }
}
