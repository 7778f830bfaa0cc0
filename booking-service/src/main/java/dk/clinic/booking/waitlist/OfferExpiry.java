package dk.clinic.booking.waitlist;

import dk.clinic.platform.persistence.Outages;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Ends offers nobody answered in time: the patient waits again for other time, and the offered time goes to the next
 * matching patient. Several instances may run this at once: each takes only offers no other instance holds
 * ({@code for update skip locked}), so no offer expires, and no time is offered on, twice.
 */
@ApplicationScoped
public class OfferExpiry {

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);
    private static final int BATCH = 50;

    private static final String WORK = "Waitlist offer expiry";

    private final EntityManager entityManager;
    private final OfferMaker offers;
    private final Outages outages;
    private final Clock clock;

    OfferExpiry(EntityManager entityManager, OfferMaker offers, Outages outages, Clock clock) {
        this.entityManager = entityManager;
        this.offers = offers;
        this.outages = outages;
        this.clock = clock;
    }

    // skipped while the application starts or shuts down (the database may already be gone)
    @Scheduled(every = "${clinic.waitlist.expiry-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void expireScheduled() {
        try {
            int expired;
            do {
                expired = expireOverdue();
            } while (expired == BATCH);
            outages.succeeded(WORK);
        } catch (RuntimeException e) {
            outages.failed(WORK, e);
        }
    }

    /** One round. @return how many open offers it found past their expiry and ended */
    @SuppressWarnings("unchecked")
    public int expireOverdue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<WaitlistOffer> overdue = entityManager.createNativeQuery("""
                            select * from waitlist_offer where status = 'open' and expires_at <= :now
                            order by expires_at limit :batch
                            for update skip locked""", WaitlistOffer.class)
                    .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .setParameter("batch", BATCH)
                    .getResultList();
            for (WaitlistOffer offer : overdue) {
                WaitlistEntry entry = entityManager.find(WaitlistEntry.class, offer.entryId,
                        LockModeType.PESSIMISTIC_WRITE);
                offer.status = WaitlistOffer.Status.expired;
                entry.status = WaitlistEntry.Status.waiting;
                entityManager.flush();
                offers.offerNext(offer.time(entry));
            }
            if (!overdue.isEmpty()) {
                LOG.infof("Waitlist: %d offers expired and were passed on", overdue.size());
            }
            return overdue.size();
        });
    }
}
