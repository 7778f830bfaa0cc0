package dk.clinic.treatment.appointment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An appointment booking-service booked, as treatment knows it from events. */
@Entity
@Table(name = "known_appointment")
public class KnownAppointment {

    @Id
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "starts_at", nullable = false)
    public Instant start;

    @Column(name = "ends_at", nullable = false)
    public Instant end;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
