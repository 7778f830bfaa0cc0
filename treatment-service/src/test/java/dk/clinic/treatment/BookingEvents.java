package dk.clinic.treatment;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.KafkaTestClient;

import java.util.UUID;

/** Publishes events exactly as booking-service does (checked against the contract) for treatment's tests. */
public final class BookingEvents {

    private BookingEvents() {
    }

    public static String patient(UUID id, long version, String givenName, String familyName) {
        return """
                {"patientId":"%s","version":%d,"givenName":"%s","familyName":"%s","birthDate":"1971-04-12",
                 "preferredLanguage":"da"}""".formatted(id, version, givenName, familyName);
    }

    public static UUID patientEvent(EventType type, UUID patient, long version, String givenName, String familyName) {
        return KafkaTestClient.publish(type, patient.toString(), patient.toString(),
                patient(patient, version, givenName, familyName));
    }
}
