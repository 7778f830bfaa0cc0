package dk.clinic.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventType;
import dk.clinic.contracts.Topic;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where other services' events enter this one: the channel {@value #CHANNEL} (its topics are the service's
 * {@code mp.messaging.incoming.clinic-events.topics}). Each record is read by the one codec, then applied by every
 * {@link EventHandler} of its type, all in one transaction with the inbox's record of it. A failure is retried; one
 * that still fails, or breaks the contract, goes to the service's dead-letter topic with its reason, and the
 * partition moves on. Types no handler needs (a newer producer's) pass by.
 */
@ApplicationScoped
public class EventIntake {

    static final String CHANNEL = "clinic-events";
    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final List<EventHandler> handlers;
    private final EventInbox inbox;
    private final ObjectMapper json;

    EventIntake(@All List<EventHandler> handlers, EventInbox inbox, ObjectMapper json) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.json = json;
    }

    @Incoming(CHANNEL)
    @Blocking
    @Retry(maxRetries = 3, delay = 200, abortOn = MalformedEventException.class)
    void receive(ConsumerRecord<String, byte[]> record) {
        InboundEvent event = InboundEvent.from(record, json);
        List<EventHandler> interested = EventType.named(event.type())
                .map(type -> handlers.stream().filter(handler -> handler.handles().contains(type)).toList())
                .orElse(List.of());
        if (interested.isEmpty()) {
            LOG.debugf("No handler for %s (event %s); passed by", event.type(), event.id());
            return;
        }
        // a transaction per attempt: a retry starts from what is committed, not from a transaction marked to roll back
        QuarkusTransaction.requiringNew().run(() ->
                interested.forEach(handler -> inbox.processOnce(event, handler.name(), handler::apply)));
    }

    /** A handler whose events never arrive is a configuration mistake worth a line at start. */
    void checkSubscriptions(@Observes StartupEvent start,
                            @ConfigProperty(name = "mp.messaging.incoming.clinic-events.topics") List<String> topics) {
        Set<String> unheard = unsubscribed(handlers, topics);
        if (!unheard.isEmpty()) {
            LOG.warnf("Channel %s does not subscribe to %s, which handlers of this service need (topics: %s)",
                    CHANNEL, unheard, topics);
        }
    }

    /** The topics that carry an event some handler needs, but are not among {@code subscribed}. */
    static Set<String> unsubscribed(Collection<EventHandler> handlers, Collection<String> subscribed) {
        Set<String> missing = new TreeSet<>();
        handlers.forEach(handler -> handler.handles().stream()
                .map(EventType::topic).map(Topic::address)
                .filter(topic -> !subscribed.contains(topic))
                .forEach(missing::add));
        return missing;
    }
}
