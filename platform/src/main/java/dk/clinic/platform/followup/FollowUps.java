package dk.clinic.platform.followup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.observability.RequestIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Work a change sets in motion, to run once the change has committed (offering freed time to the waitlist, booking a
 * plan's request automatically). It is recorded in the change's own transaction, so it exists exactly when the change
 * does and survives a crash right after the commit; {@link FollowUpWorker} carries it out on any instance, at least
 * once, and removes it in the same transaction as its effect.
 */
@ApplicationScoped
public class FollowUps {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<Recorded> recorded;

    FollowUps(EntityManager entityManager, ObjectMapper json, Clock clock, Event<Recorded> recorded) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.recorded = recorded;
    }

    /** Records a follow-up of {@code kind} (a {@link FollowUpHandler#kind()}) in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(String kind, Object payload) {
        String text;
        try {
            text = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A follow-up's payload cannot be written as JSON: " + payload, e);
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        entityManager.createNativeQuery("""
                        insert into follow_up (kind, payload, created_at, due_at, request_id)
                        values (:kind, cast(:payload as jsonb), :now, :now, :request)""")
                .setParameter("kind", kind)
                .setParameter("payload", text)
                .setParameter("now", now)
                .setParameter("request", RequestIds.current())
                .executeUpdate();
        recorded.fire(new Recorded(kind));
    }

    /** Fired inside the transaction that recorded a follow-up; the worker starts on it once that commits. */
    public record Recorded(String kind) {
    }
}
