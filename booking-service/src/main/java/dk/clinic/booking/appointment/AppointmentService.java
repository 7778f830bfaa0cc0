package dk.clinic.booking.appointment;

import dk.clinic.booking.patient.PatientService;
import dk.clinic.booking.practitioner.Practitioner;
import dk.clinic.booking.practitioner.PractitionerService;
import dk.clinic.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.util.UUID;

/**
 * Books appointments. Whether a practitioner is free is decided by PostgreSQL's exclusion constraint at insert,
 * never by a read beforehand that a concurrent request could overtake.
 */
@ApplicationScoped
public class AppointmentService implements PanacheRepositoryBase<Appointment, UUID> {

    private static final String EXCLUSION_VIOLATION = "23P01";

    private final PatientService patients;
    private final PractitionerService practitioners;
    private final AppointmentEvents events;

    AppointmentService(PatientService patients, PractitionerService practitioners, AppointmentEvents events) {
        this.patients = patients;
        this.practitioners = practitioners;
        this.events = events;
    }

    @Transactional
    public Appointment book(UUID patientId, UUID practitionerId, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("end", "must be after start");
        }
        if (patients.findByIdOptional(patientId).isEmpty()) {
            throw ProblemException.unknownReference("patientId", "Patient", patientId);
        }
        Practitioner practitioner = practitioners.findByIdOptional(practitionerId)
                .orElseThrow(() -> ProblemException.unknownReference("practitionerId", "Practitioner", practitionerId));
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.patientId = patientId;
        appointment.practitionerId = practitionerId;
        appointment.start = start;
        appointment.end = end;
        appointment.status = AppointmentStatus.booked;
        appointment.createdAt = Instant.now();
        try {
            persistAndFlush(appointment);
        } catch (ConstraintViolationException e) {
            if (EXCLUSION_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict("resource-taken", "The practitioner is already booked",
                                practitioner.name + " has another appointment in that time")
                        .with("resource", practitioner.id);
            }
            throw e;
        }
        events.booked(appointment);
        return appointment;
    }

    public Appointment require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appointment", id));
    }
}
