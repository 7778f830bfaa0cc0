package dk.clinic.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Where a service records an event. The row joins the caller's transaction, so the event exists exactly when the
 * change it describes was committed; {@link OutboxRelay} publishes it later, whether or not the broker is up now.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    Outbox(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param type    the event type; it names the topic too
     * @param key     the record key; events with one key keep their order (e.g. the patient id)
     * @param subject the id of the thing the event is about
     * @param data    the event data, serialised as JSON
     * @return the event id (the CloudEvents id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(EventType type, String key, String subject, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = type.topic().address();
        event.key = key;
        event.type = type.type();
        event.subject = subject;
        event.occurredAt = clock.instant();
        event.traceParent = TraceContext.current();
        event.payload = toJson(data);
        entityManager.persist(event);
        return event.eventId;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }
}
