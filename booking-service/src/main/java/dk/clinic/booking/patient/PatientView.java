package dk.clinic.booking.patient;

import java.time.LocalDate;
import java.util.UUID;

public record PatientView(UUID id, String givenName, String familyName, LocalDate birthDate, String email,
                          String phone, Language preferredLanguage, boolean reminderConsent, long version) {

    static PatientView of(Patient patient) {
        return new PatientView(patient.id, patient.givenName, patient.familyName, patient.birthDate, patient.email,
                patient.phone, patient.preferredLanguage, patient.reminderConsent, patient.version);
    }
}
