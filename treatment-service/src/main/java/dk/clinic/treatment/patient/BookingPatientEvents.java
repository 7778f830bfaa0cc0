package dk.clinic.treatment.patient;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.inbox.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Patient events from booking-service. A failure is retried; one that still fails (or breaks the contract) goes
 * to the dead-letter topic with its reason, and the partition moves on.
 */
@ApplicationScoped
class BookingPatientEvents {

    private final PatientDirectory directory;
    private final ObjectMapper json;

    BookingPatientEvents(PatientDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @Incoming("booking-patients")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    void on(ConsumerRecord<String, String> record) {
        directory.apply(InboundEvent.from(record, json));
    }
}
