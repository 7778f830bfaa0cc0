package dk.clinic.booking.patient;

import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The patient events booking-service publishes (topic {@value #TOPIC}, key = patient id). Only what other services
 * need to recognise the patient leaves this service: no contact details.
 */
@ApplicationScoped
class PatientEvents {

    static final String TOPIC = "booking.patients";
    static final String REGISTERED = "clinic.booking.patient.registered.v1";
    static final String CHANGED = "clinic.booking.patient.changed.v1";

    private final Outbox outbox;

    PatientEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void registered(Patient patient) {
        record(REGISTERED, patient);
    }

    void changed(Patient patient) {
        record(CHANGED, patient);
    }

    private void record(String type, Patient patient) {
        String id = patient.id.toString();
        outbox.record(TOPIC, id, type, id, new Data(patient.id, patient.version, patient.givenName, patient.familyName,
                patient.birthDate, patient.preferredLanguage.code()));
    }

    record Data(UUID patientId, long version, String givenName, String familyName, LocalDate birthDate,
                String preferredLanguage) {
    }
}
