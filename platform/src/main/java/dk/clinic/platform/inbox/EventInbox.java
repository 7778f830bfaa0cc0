package dk.clinic.platform.inbox;

import dk.clinic.platform.observability.TraceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * The idempotent-consumer half of the event mechanism. The event id is recorded in the same transaction as the
 * consumer's effect: a redelivered event (a rebalance, a retry after a crash) finds its id and changes nothing.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final EntityManager entityManager;
    private final Clock clock;

    EventInbox(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Applies {@code effect} unless this consumer already processed the event, in the caller's transaction.
     *
     * @param consumer a stable name for the effect, e.g. {@code patient-directory}
     * @return false when the event was a duplicate
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean processOnce(InboundEvent event, String consumer, Consumer<InboundEvent> effect) {
        MDC.put("eventId", event.id().toString());
        TraceContext.enter(event.traceParent());
        try {
            int recorded = entityManager.createNativeQuery("""
                            insert into processed_event (event_id, consumer, event_type, processed_at)
                            values (:id, :consumer, :type, :at)
                            on conflict do nothing""")
                    .setParameter("id", event.id())
                    .setParameter("consumer", consumer)
                    .setParameter("type", event.type())
                    .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .executeUpdate();
            if (recorded == 0) {
                LOG.debugf("%s: event %s (%s) was already processed; ignored", consumer, event.id(), event.type());
                return false;
            }
            effect.accept(event);
            return true;
        } finally {
            MDC.remove("eventId");
            TraceContext.leave();
        }
    }
}
