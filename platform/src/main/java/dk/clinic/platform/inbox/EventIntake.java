package dk.clinic.platform.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventType;
import dk.clinic.contracts.Topic;
import dk.clinic.platform.persistence.DatabaseFailures;
import dk.clinic.platform.persistence.Outages;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where other services' events enter this one: the channel {@value #CHANNEL} (its topics are the service's
 * {@code mp.messaging.incoming.clinic-events.topics}), in batches of what one poll returned. Each record is read by the
 * one codec, then applied by every {@link EventHandler} of its type with the inbox's record of it. A batch is applied
 * in one transaction (the usual case: one commit for many events); when that fails, its events are applied one by one
 * in order, each in a transaction of its own, so only the failing one is held up:
 * <ul>
 *   <li>an event that breaks its contract ({@link MalformedEventException}) is set aside at once
 *       ({@link DeadLetters});</li>
 *   <li>while the database cannot be reached the event waits, and is tried again with growing pauses until it can:
 *       a good event is never set aside for an outage;</li>
 *   <li>any other failure is tried again {@value #RETRIES} times, {@value #RETRY_PAUSE_MS} ms apart, then set aside
 *       with its reason, and the partition moves on.</li>
 * </ul>
 * Types no handler needs (a newer producer's) pass by. While the application stops, a failure is not handled here: the
 * batch is not acknowledged, and its events come again to whichever instance reads the partition next.
 */
@ApplicationScoped
public class EventIntake {

    static final String CHANNEL = "clinic-events";
    static final int RETRIES = 3;
    static final long RETRY_PAUSE_MS = 200;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);
    private static final String WORK = "Event intake";
    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final List<EventHandler> handlers;
    private final EventInbox inbox;
    private final DeadLetters deadLetters;
    private final Outages outages;
    private final ObjectMapper json;
    private volatile boolean stopping;

    EventIntake(@All List<EventHandler> handlers, EventInbox inbox, DeadLetters deadLetters, Outages outages,
                ObjectMapper json) {
        this.handlers = handlers;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.outages = outages;
        this.json = json;
    }

    /** One record of a batch: the event read from it and the handlers that need it, or why it cannot be read. */
    private record Delivery(ConsumerRecord<String, byte[]> record, InboundEvent event, List<EventHandler> handlers,
                            MalformedEventException malformed) {
    }

    @Incoming(CHANNEL)
    @Blocking
    void receive(ConsumerRecords<String, byte[]> records) {
        List<Delivery> deliveries = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            deliveries.add(read(record));
        }
        List<Delivery> applicable = deliveries.stream().filter(d -> d.malformed() == null && !d.handlers().isEmpty())
                .toList();
        boolean applied = applicable.isEmpty();
        if (!applied) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applicable.forEach(this::apply));
                applied = true;
                outages.succeeded(WORK);
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.debugf(e, "A batch of %d events failed; applying them one by one", applicable.size());
            }
        }
        for (Delivery delivery : deliveries) {
            if (delivery.malformed() != null) {
                setAside(delivery, delivery.malformed());
            } else if (!applied && !delivery.handlers().isEmpty()) {
                applyAlone(delivery);
            }
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private Delivery read(ConsumerRecord<String, byte[]> record) {
        try {
            InboundEvent event = InboundEvent.from(record, json);
            List<EventHandler> interested = EventType.named(event.type())
                    .map(type -> handlers.stream().filter(handler -> handler.handles().contains(type)).toList())
                    .orElse(List.of());
            if (interested.isEmpty()) {
                LOG.debugf("No handler for %s (event %s); passed by", event.type(), event.id());
            }
            return new Delivery(record, event, interested, null);
        } catch (MalformedEventException e) {
            return new Delivery(record, null, List.of(), e);
        }
    }

    private void apply(Delivery delivery) {
        delivery.handlers().forEach(handler -> inbox.processOnce(delivery.event(), handler.name(), handler::apply));
    }

    /** Applies one event in a transaction of its own (a retry starts from what is committed), or sets it aside. */
    private void applyAlone(Delivery delivery) {
        int failures = 0;
        long pauseMillis = RETRY_PAUSE_MS;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(delivery));
                outages.succeeded(WORK);
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                MalformedEventException malformed = malformed(e);
                if (malformed != null) {
                    setAside(delivery, malformed);
                    return;
                }
                if (DatabaseFailures.isUnavailable(e)) {
                    outages.failed(WORK, e); // once per outage; the event waits for the database
                    pause(pauseMillis);
                    pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
                    continue;
                }
                if (++failures > RETRIES) {
                    setAside(delivery, e);
                    return;
                }
                LOG.warnf("Event %s (%s) failed, attempt %d of %d: %s", delivery.event().id(), delivery.event().type(),
                        failures, RETRIES + 1, e.getMessage());
                pause(RETRY_PAUSE_MS);
            }
        }
    }

    /**
     * Sends the event to the dead-letter topic, and keeps trying while the broker does not take it: the partition moves
     * on only past an event that is applied or set aside.
     */
    private void setAside(Delivery delivery, Throwable reason) {
        long pauseMillis = RETRY_PAUSE_MS;
        while (true) {
            try {
                deadLetters.send(delivery.record(), reason);
                outages.succeeded(WORK);
                return;
            } catch (IllegalStateException e) {
                if (stopping) {
                    throw e;
                }
                outages.unavailable(WORK, "the broker", e.getMessage());
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
            }
        }
    }

    private static MalformedEventException malformed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MalformedEventException malformed) {
                return malformed;
            }
        }
        return null;
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to apply an event again", e);
        }
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
