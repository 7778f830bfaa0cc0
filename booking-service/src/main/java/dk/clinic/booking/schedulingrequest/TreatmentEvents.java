package dk.clinic.booking.schedulingrequest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.inbox.MalformedEventException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** treatment-service's scheduling requests and plan endings; retried, then dead-lettered, like every consumer. */
@ApplicationScoped
class TreatmentEvents {

    private final SchedulingRequestService requests;
    private final ObjectMapper json;

    TreatmentEvents(SchedulingRequestService requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Incoming("treatment-scheduling")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    void onSchedulingRequest(ConsumerRecord<String, String> record) {
        requests.apply(InboundEvent.from(record, json));
    }

    @Incoming("treatment-plans")
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    void onPlan(ConsumerRecord<String, String> record) {
        requests.apply(InboundEvent.from(record, json));
    }
}
