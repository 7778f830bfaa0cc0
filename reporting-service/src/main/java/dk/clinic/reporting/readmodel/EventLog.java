package dk.clinic.reporting.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.inbox.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Every event the read model was built from, as it arrived. It is the read model's own source of truth: the tables
 * the reports read are derived from it and can be emptied and rebuilt from it at any time, whatever the topics'
 * retention.
 */
@ApplicationScoped
class EventLog {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    EventLog(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps the event; false when it is already kept (the same event delivered again). */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean append(InboundEvent event) {
        return entityManager.createNativeQuery("""
                        insert into event_log (event_id, type, subject, occurred_at, received_at, data)
                        values (:id, :type, :subject, :occurred, :received, cast(:data as jsonb))
                        on conflict (event_id) do nothing""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("subject", event.subject())
                .setParameter("occurred", event.time().atOffset(ZoneOffset.UTC))
                .setParameter("received", clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter("data", event.data().toString())
                .executeUpdate() == 1;
    }

    /** Hands every kept event to {@code visitor} in the order given by {@code order}, streaming. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replay(Order order, Visitor visitor) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select type, data::text from event_log order by arrival " + (order == Order.ARRIVAL ? "asc" : "desc"))) {
                statement.setFetchSize(2_000);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        visitor.visit(rows.getString(1), read(rows.getString(2)));
                    }
                }
            }
        });
    }

    /** Blocks new events from being kept until the caller's transaction ends (the rebuild's consistent cut). */
    @Transactional(Transactional.TxType.MANDATORY)
    void holdArrivals() {
        entityManager.createNativeQuery("lock table event_log in share row exclusive mode").executeUpdate();
    }

    long size() {
        return ((Number) entityManager.createNativeQuery("select count(*) from event_log").getSingleResult()).longValue();
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sees each kept event, in the replay's transaction. */
    @FunctionalInterface
    interface Visitor {
        void visit(String type, JsonNode data) throws SQLException;
    }

    /** The order a replay visits events in. Any order gives the same read model; the tests replay both. */
    enum Order {
        ARRIVAL, REVERSE
    }
}
