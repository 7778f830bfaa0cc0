package dk.clinic.treatment.appointment;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.inbox.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Appointment events from booking-service; retried, then dead-lettered, like every consumer here. */
@ApplicationScoped
class BookingAppointmentEvents {

    private final KnownAppointments appointments;
    private final ObjectMapper json;

    BookingAppointmentEvents(KnownAppointments appointments, ObjectMapper json) {
        this.appointments = appointments;
        this.json = json;
    }

    @Incoming("booking-appointments")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    void on(ConsumerRecord<String, String> record) {
        appointments.apply(InboundEvent.from(record, json));
    }
}
