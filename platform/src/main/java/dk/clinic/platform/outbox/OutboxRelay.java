package dk.clinic.platform.outbox;

import dk.clinic.platform.persistence.Outages;
import dk.clinic.platform.work.Rounds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks a row published only after the broker acknowledged it.
 *
 * <p>Only one instance of a service relays at a time: each round runs in one transaction that first takes a
 * PostgreSQL advisory lock; the other instances skip the round. A row for a key whose earlier row failed in the
 * same round is left for the next round, so one key's events are not overtaken by a failure.
 *
 * <p>Rounds run one after the other on the relay's own thread. A round starts when {@link OutboxListener} hears that
 * an outbox row committed (on any instance), and every {@code clinic.outbox.relay-interval} besides: the periodic round
 * is the safety net for a listener that lost its connection. A wake-up during a round asks for one more round after
 * it, so an event committed while a round runs does not wait for the next interval.
 *
 * <p>While the broker or the database is away, events wait in the table; the relay says so once per outage
 * ({@link Outages}) and keeps what it knows for health and metrics ({@link #status()}) without asking either again.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String WORK = "Outbox relay";
    private static final String TAKE_RELAY_LOCK =
            "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.event_outbox'))";

    private final EntityManager entityManager;
    private final OutboxPublisher publisher;
    private final int batchSize;
    private final Outages outages;
    private final Clock clock;
    private final Counter published;
    private final Counter failed;
    private final boolean enabled;
    private final Rounds rounds = new Rounds("outbox-relay", this::relayUntilDrained);
    private volatile Status status = new Status(null, null, -1, null);

    OutboxRelay(EntityManager entityManager,
                OutboxPublisher publisher,
                MeterRegistry meters,
                Outages outages,
                Clock clock,
                @ConfigProperty(name = "clinic.outbox.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "clinic.outbox.relay-enabled", defaultValue = "true") boolean enabled) {
        this.entityManager = entityManager;
        this.publisher = publisher;
        this.batchSize = batchSize;
        this.outages = outages;
        this.clock = clock;
        this.enabled = enabled;
        this.published = meters.counter("clinic.outbox.published");
        this.failed = meters.counter("clinic.outbox.failed");
        // read from what the last round saw: a metrics scrape never waits for the database
        meters.gauge("clinic.outbox.pending", this, relay -> relay.status.pending());
    }

    /**
     * What the relay knows without asking anyone: when it last ran and last had an event acknowledged, how many events
     * were pending after its last round (-1 before the first), and since when the broker or database has been away.
     */
    public record Status(Instant lastRound, Instant lastAcknowledged, long pending, Instant outageSince) {
    }

    public Status status() {
        return status;
    }

    @Scheduled(every = "${clinic.outbox.relay-interval:1s}", delayed = "${clinic.outbox.relay-delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayScheduled() {
        wake();
    }

    /**
     * Asks for a relay round on the relay's thread: at once when none runs, otherwise once more after the one that
     * runs. Nothing when {@code clinic.outbox.relay-enabled=false} (tests that drive the relay by hand) or once the
     * application stops (the database may already be gone).
     */
    public void wake() {
        if (enabled) {
            rounds.request();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        rounds.stop(false);
    }

    private void relayUntilDrained() {
        try {
            int relayed;
            do {
                relayed = relayOnce();
            } while (relayed == batchSize && !rounds.stopped());
        } catch (RuntimeException e) {
            outages.failed(WORK, e);
            status = new Status(status.lastRound(), status.lastAcknowledged(), status.pending(),
                    outages.outageSince(WORK));
        }
    }

    /**
     * One relay round.
     *
     * @return how many events the broker acknowledged in this round (0 when another instance holds the relay)
     */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            boolean leader = (Boolean) entityManager.createNativeQuery(TAKE_RELAY_LOCK).getSingleResult();
            if (!leader) {
                return 0;
            }
            List<OutboxEvent> batch = entityManager
                    .createQuery("from OutboxEvent where publishedAt is null order by position", OutboxEvent.class)
                    .setMaxResults(batchSize)
                    .getResultList();
            int acknowledged = batch.isEmpty() ? 0 : publish(batch);
            if (acknowledged == batch.size()) {
                outages.succeeded(WORK);
            }
            long pending = batch.size() < batchSize ? batch.size() - acknowledged : pendingCount();
            Instant now = clock.instant();
            status = new Status(now, acknowledged > 0 ? now : status.lastAcknowledged(), pending,
                    outages.outageSince(WORK));
            return acknowledged;
        });
    }

    private int publish(List<OutboxEvent> batch) {
        List<CompletableFuture<Void>> sends = new ArrayList<>(batch.size());
        for (OutboxEvent event : batch) {
            CompletableFuture<Void> send = publisher.send(event);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break; // the broker cannot be reached now: leave the rest of the batch for a later round
            }
        }
        List<String> failures = sends.stream().map(this::awaitAcknowledgement).toList();
        int acknowledged = Acknowledgements.settle(batch.subList(0, sends.size()), failures, clock.instant());
        published.increment(acknowledged);
        if (failures.stream().anyMatch(Objects::nonNull)) {
            failed.increment(sends.size() - acknowledged);
            outages.unavailable(WORK, "the broker", acknowledged + " of " + batch.size()
                    + " events acknowledged; the rest stay pending: " + batch.stream().map(e -> e.lastError)
                    .filter(Objects::nonNull).findFirst().orElse(""));
        }
        return acknowledged;
    }

    private String awaitAcknowledgement(CompletableFuture<Void> send) {
        try {
            send.get(publisher.acknowledgementTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        } catch (TimeoutException e) {
            return "no acknowledgement within " + publisher.acknowledgementTimeout();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Events not yet acknowledged by the broker. */
    public long pendingCount() {
        return QuarkusTransaction.joiningExisting().call(() -> (Long) entityManager
                .createQuery("select count(e) from OutboxEvent e where e.publishedAt is null")
                .getSingleResult());
    }
}
