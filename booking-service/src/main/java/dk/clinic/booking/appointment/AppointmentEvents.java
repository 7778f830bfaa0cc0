package dk.clinic.booking.appointment;

import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Appointment events (topic {@value #TOPIC}); keyed by patient so one patient's events stay in order. */
@ApplicationScoped
class AppointmentEvents {

    static final String TOPIC = "booking.appointments";
    static final String BOOKED = "clinic.booking.appointment.booked.v1";

    private final Outbox outbox;

    AppointmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void booked(Appointment appointment) {
        outbox.record(TOPIC, appointment.patientId.toString(), BOOKED, appointment.id.toString(),
                new Data(appointment.id, appointment.patientId, appointment.practitionerId, appointment.start,
                        appointment.end, appointment.status.name(), appointment.version));
    }

    record Data(UUID appointmentId, UUID patientId, UUID practitionerId, Instant start, Instant end, String status,
                long version) {
    }
}
