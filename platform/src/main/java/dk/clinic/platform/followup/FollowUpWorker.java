package dk.clinic.platform.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.persistence.Outages;
import dk.clinic.platform.work.Rounds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Carries out recorded {@link FollowUps follow-ups}: one at a time, each in a transaction of its own that claims the
 * row ({@code for update skip locked}, so instances never take the same one), runs its handler and deletes the row. It
 * starts as soon as the transaction that recorded one commits, and looks every second besides, so follow-ups left by a
 * crash or a restart are carried out once any instance runs again. A failed one is tried again later, with growing
 * pauses; after {@code clinic.follow-ups.max-attempts} it is kept with {@code failed_at} set and counted in
 * {@code clinic_follow_ups_failed}.
 */
@ApplicationScoped
public class FollowUpWorker {

    private static final Logger LOG = Logger.getLogger(FollowUpWorker.class);
    private static final String WORK = "Follow-ups";
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Outages outages;
    private final Clock clock;
    private final Map<String, FollowUpHandler> handlers;
    private final boolean enabled;
    private final int maxAttempts;
    private final Rounds nudges = new Rounds("follow-ups", this::drainQuietly);
    private final Counter givenUp;
    private volatile boolean shuttingDown;

    FollowUpWorker(EntityManager entityManager, ObjectMapper json, Outages outages, Clock clock,
                   Instance<FollowUpHandler> handlers, MeterRegistry meters,
                   @ConfigProperty(name = "clinic.follow-ups.worker-enabled", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "clinic.follow-ups.max-attempts", defaultValue = "10") int maxAttempts) {
        this.entityManager = entityManager;
        this.json = json;
        this.outages = outages;
        this.clock = clock;
        this.handlers = handlers.stream().collect(Collectors.toMap(FollowUpHandler::kind, Function.identity()));
        this.enabled = enabled;
        this.maxAttempts = maxAttempts;
        this.givenUp = meters.counter("clinic.follow_ups.given_up");
    }

    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) FollowUps.Recorded recorded) {
        if (enabled && !shuttingDown) {
            nudges.request();
        }
    }

    @Scheduled(every = "${clinic.follow-ups.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    void scheduled() {
        drainQuietly();
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        shuttingDown = true;
        nudges.stop(true);
    }

    private void drainQuietly() {
        try {
            drain();
            outages.succeeded(WORK);
        } catch (RuntimeException e) {
            outages.failed(WORK, e);
        }
    }

    /** Carries out every follow-up that is due now. @return how many were carried out */
    public int drain() {
        int done = 0;
        while (!shuttingDown && runNext()) {
            done++;
        }
        return done;
    }

    /** @return false when nothing was due (or every due one is being carried out by another instance) */
    private boolean runNext() {
        long[] claimed = {-1};
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> due = entityManager.createNativeQuery("""
                                select id, kind, cast(payload as text), request_id from follow_up
                                where failed_at is null and due_at <= :now
                                order by due_at, id limit 1
                                for update skip locked""")
                        .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .getResultList();
                if (due.isEmpty()) {
                    return false;
                }
                Object[] row = due.getFirst();
                claimed[0] = ((Number) row[0]).longValue();
                String kind = (String) row[1];
                FollowUpHandler handler = handlers.get(kind);
                if (handler == null) {
                    throw new IllegalStateException("No handler for follow-ups of kind " + kind);
                }
                if (row[3] != null) {
                    MDC.put("requestId", row[3]);
                }
                try {
                    handler.handle(payload(row[2]));
                } finally {
                    MDC.remove("requestId");
                }
                entityManager.createNativeQuery("delete from follow_up where id = :id")
                        .setParameter("id", claimed[0]).executeUpdate();
                return true;
            });
        } catch (RuntimeException e) {
            if (claimed[0] < 0) {
                throw e; // nothing was claimed: the database itself failed
            }
            postpone(claimed[0], e);
            return true;
        }
    }

    /** The follow-up failed: try it again after a pause that doubles each time, or give up after the last attempt. */
    private void postpone(long id, RuntimeException failure) {
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        int attempts = QuarkusTransaction.requiringNew().call(() -> {
            Number previous = (Number) entityManager.createNativeQuery(
                    "select attempts from follow_up where id = :id for update").setParameter("id", id).getSingleResult();
            int attempt = previous.intValue() + 1;
            long pauseSeconds = Math.min(LONGEST_PAUSE.toSeconds(), 1L << Math.min(attempt, 20));
            var now = clock.instant().atOffset(ZoneOffset.UTC);
            entityManager.createNativeQuery("""
                            update follow_up set attempts = :attempt, last_error = :error, due_at = :due,
                                failed_at = case when :attempt >= :max then cast(:now as timestamptz) end
                            where id = :id""")
                    .setParameter("attempt", attempt)
                    .setParameter("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                    .setParameter("due", now.plusSeconds(pauseSeconds))
                    .setParameter("max", maxAttempts)
                    .setParameter("now", now)
                    .setParameter("id", id)
                    .executeUpdate();
            return attempt;
        });
        if (attempts >= maxAttempts) {
            givenUp.increment();
            LOG.errorf(failure, "Follow-up %d failed for the %d. time and is given up; it stays in follow_up with "
                    + "failed_at set", id, attempts);
        } else {
            LOG.warnf("Follow-up %d failed (attempt %d of %d), tried again later: %s", id, attempts, maxAttempts, error);
        }
    }

    private JsonNode payload(Object text) {
        try {
            return json.readTree((String) text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A follow-up's payload is not JSON", e);
        }
    }

    /** Skips rounds while the application starts or stops, and altogether when the worker is turned off. */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {
        @ConfigProperty(name = "clinic.follow-ups.worker-enabled", defaultValue = "true")
        boolean enabled;

        private volatile boolean running;

        void started(@Observes io.quarkus.runtime.StartupEvent startup) {
            running = true;
        }

        void stopping(@Observes ShutdownEvent shutdown) {
            running = false;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !enabled || !running;
        }
    }
}
