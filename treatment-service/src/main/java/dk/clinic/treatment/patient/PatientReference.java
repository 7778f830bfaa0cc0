package dk.clinic.treatment.patient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A patient as booking-service registered them; written only by {@link PatientDirectory} from events. */
@Entity
@Table(name = "patient_reference")
public class PatientReference {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage;

    /** booking-service's version of the patient. */
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
