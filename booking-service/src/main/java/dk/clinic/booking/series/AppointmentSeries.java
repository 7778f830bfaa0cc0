package dk.clinic.booking.series;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/**
 * A course of appointments booked together, e.g. four weekly dry-needling sessions. Its appointments point to it
 * with their series id and position; the version changes with every change to the course as a whole.
 */
@Entity
@Table(name = "appointment_series")
public class AppointmentSeries {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "appointment_type_id", nullable = false)
    public UUID appointmentTypeId;

    @Column(name = "practitioner_id", nullable = false)
    public UUID practitionerId;

    @Column(name = "interval_days", nullable = false)
    public int intervalDays;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;
}
