package dk.clinic.booking.patient;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The patient events booking-service publishes (topic {@code booking.patients}, key = patient id). Only what other
 * services need to recognise the patient leaves this service: no contact details.
 */
@ApplicationScoped
class PatientEvents {

    private final Outbox outbox;

    PatientEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void registered(Patient patient) {
        record(EventType.PATIENT_REGISTERED, patient);
    }

    void changed(Patient patient) {
        record(EventType.PATIENT_CHANGED, patient);
    }

    private void record(EventType type, Patient patient) {
        String id = patient.id.toString();
        outbox.record(type, id, id, new Data(patient.id, patient.version, patient.givenName, patient.familyName,
                patient.birthDate, patient.preferredLanguage.code()));
    }

    record Data(UUID patientId, long version, String givenName, String familyName, LocalDate birthDate,
                String preferredLanguage) {
    }
}
