package dk.clinic.platform.housekeeping;

import dk.clinic.platform.persistence.Outages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

/**
 * Keeps the platform's tables from growing for years: published outbox rows and the inbox's record of processed events
 * are deleted once they are older than their retention. The inbox's retention must outlive the longest time the broker
 * may deliver an event again (its topics' retention, 7 days by default): an event redelivered after its id was purged
 * would be applied twice. Runs once an hour, on one instance at a time, in batches so no purge holds locks for long.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);
    private static final String WORK = "Housekeeping";
    private static final int BATCH = 5_000;
    private static final String TAKE_LOCK =
            "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.housekeeping'))";

    private final EntityManager entityManager;
    private final Outages outages;
    private final Clock clock;
    private final Duration outboxRetention;
    private final Duration inboxRetention;

    Housekeeping(EntityManager entityManager, Outages outages, Clock clock,
                 @ConfigProperty(name = "clinic.outbox.retention", defaultValue = "P7D") Duration outboxRetention,
                 @ConfigProperty(name = "clinic.inbox.retention", defaultValue = "P30D") Duration inboxRetention) {
        this.entityManager = entityManager;
        this.outages = outages;
        this.clock = clock;
        this.outboxRetention = outboxRetention;
        this.inboxRetention = inboxRetention;
    }

    @Scheduled(every = "${clinic.housekeeping.interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            purge();
            outages.succeeded(WORK);
        } catch (RuntimeException e) {
            outages.failed(WORK, e);
        }
    }

    /** One purge of both tables. @return how many rows went, outbox and inbox together */
    public int purge() {
        int outbox = purge("event_outbox", "published_at", outboxRetention);
        int inbox = purge("processed_event", "processed_at", inboxRetention);
        if (outbox + inbox > 0) {
            LOG.infof("Housekeeping: purged %d published outbox events older than %s and %d processed-event records "
                    + "older than %s", outbox, outboxRetention, inbox, inboxRetention);
        }
        return outbox + inbox;
    }

    private int purge(String table, String column, Duration retention) {
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(() -> {
                if (!(Boolean) entityManager.createNativeQuery(TAKE_LOCK).getSingleResult()) {
                    return 0; // another instance is purging
                }
                return entityManager.createNativeQuery("delete from " + table + " where ctid in (select ctid from "
                                + table + " where " + column + " < :before limit " + BATCH + ")")
                        .setParameter("before", clock.instant().minus(retention).atOffset(ZoneOffset.UTC))
                        .executeUpdate();
            });
            total += purged;
        } while (purged == BATCH);
        return total;
    }
}
