package dk.clinic.treatment.appointment;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.TestInfrastructure;
import dk.clinic.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.UUID;

import static dk.clinic.contracts.EventType.APPOINTMENT_BOOKED;
import static dk.clinic.contracts.EventType.PATIENT_REGISTERED;
import static dk.clinic.treatment.BookingEvents.patientEvent;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class KnownAppointmentTest {

    /** The management interface's root, {@code /q/} on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void anAppointmentBookedAtTheReceptionIsKnownToTreatmentEvenWhenItArrivesBeforeThePatient() {
        UUID patient = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        KafkaTestClient.publish(APPOINTMENT_BOOKED, patient.toString(), appointment.toString(), """
                {"appointmentId":"%s","patientId":"%s","appointmentTypeId":"%s","appointmentType":"dry_needling",
                 "modality":"dry_needling","practitionerId":"%s",
                 "start":"2026-12-01T08:00:00Z","end":"2026-12-01T08:45:00Z","status":"booked","version":0}"""
                .formatted(appointment, patient, UUID.randomUUID(), UUID.randomUUID()));
        patientEvent(PATIENT_REGISTERED, patient, 0, "Jens", "Booked");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                        .then().statusCode(200)
                        .body("appointments", hasSize(1))
                        .body("appointments[0].id", equalTo(appointment.toString()))
                        .body("appointments[0].start", equalTo("2026-12-01T08:00:00Z"))
                        .body("appointments[0].status", equalTo("booked")));
    }

    @Test
    void aCancellationUpdatesTheStatusAndALateOlderEventDoesNotUndoIt() {
        UUID patient = UUID.randomUUID();
        UUID appointment = UUID.randomUUID();
        String booked = appointmentData(appointment, patient, "booked", 0, "");
        String cancelled = appointmentData(appointment, patient, "cancelled", 1,
                ",\"cancellation\":{\"by\":\"patient\",\"reason\":\"Ill\",\"late\":true}");
        patientEvent(PATIENT_REGISTERED, patient, 0, "Grethe", "Cancel");
        KafkaTestClient.publish(EventType.APPOINTMENT_CANCELLED, patient.toString(), appointment.toString(), cancelled);
        KafkaTestClient.publish(APPOINTMENT_BOOKED, patient.toString(), appointment.toString(), booked);
        // a later appointment on the same key (partition) shows when the late 'booked' has been handled too
        UUID next = UUID.randomUUID();
        KafkaTestClient.publish(APPOINTMENT_BOOKED, patient.toString(), next.toString(),
                appointmentData(next, patient, "booked", 0, "").replace("2026-12-02", "2026-12-09"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.practitioner()).get("/api/patients/{id}", patient)
                        .then().statusCode(200)
                        .body("appointments", hasSize(2))
                        .body("appointments[0].id", equalTo(appointment.toString()))
                        .body("appointments[0].status", equalTo("cancelled")));
    }

    private static String appointmentData(UUID appointment, UUID patient, String status, int version, String extra) {
        return """
                {"appointmentId":"%s","patientId":"%s","appointmentTypeId":"%s","appointmentType":"shockwave",
                 "modality":"radial_shockwave","practitionerId":"%s","start":"2026-12-02T08:00:00Z",
                 "end":"2026-12-02T08:20:00Z","status":"%s","version":%d%s}"""
                .formatted(appointment, patient, UUID.randomUUID(), UUID.randomUUID(), status, version, extra);
    }

    @Test
    void readinessIsTheDatabaseAndShowsTheBroker() {
        given().get(management + "health/ready").then().statusCode(200)
                .body("checks.name", hasItems("database", "event-broker"));
        given().get(management + "openapi").then().statusCode(200);
    }

    @Test
    void treatmentsRoleCannotReadTheBookingSchema() throws Exception {
        String url = TestInfrastructure.get().database().jdbcUrl();
        try (Connection treatment = DriverManager.getConnection(url, "treatment_svc", "treatment")) {
            assertThatThrownBy(() -> treatment.createStatement().executeQuery("select * from booking.patient"))
                    .hasMessageContaining("permission denied for schema booking");
        }
    }
}
