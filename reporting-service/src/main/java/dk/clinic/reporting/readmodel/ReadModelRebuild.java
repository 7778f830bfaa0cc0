package dk.clinic.reporting.readmodel;

import dk.clinic.contracts.EventType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Empties the read model and replays the event log into it, in one transaction: reports go on answering from the
 * old tables until the new ones commit, and events arriving meanwhile wait for it (they are applied after).
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    private static final List<String> TABLES = List.of("episode", "course", "session", "outcome_score",
            "review_decision", "appointment", "episode_scale", "episode_response", "episode_practitioner");

    private final EntityManager entityManager;
    private final EventLog log;
    private final Projector projector;

    ReadModelRebuild(EntityManager entityManager, EventLog log, Projector projector) {
        this.entityManager = entityManager;
        this.log = log;
        this.projector = projector;
    }

    /** Rebuilds in arrival order. */
    public Result rebuild() {
        return rebuild(EventLog.Order.ARRIVAL);
    }

    /** Rebuilds visiting the events in {@code order}; any order gives the same read model. */
    Result rebuild(EventLog.Order order) {
        long started = System.nanoTime();
        long[] replayed = {0};
        QuarkusTransaction.requiringNew().timeout((int) Duration.ofHours(1).toSeconds()).run(() -> {
            log.holdArrivals();
            TABLES.forEach(table -> entityManager.createNativeQuery("delete from " + table).executeUpdate());
            // reports cached for the tables before this rebuild are worked out again once it commits
            entityManager.createNativeQuery("update read_model_generation set generation = generation + 1")
                    .executeUpdate();
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Projector.Rows.Batched rows = new Projector.Rows.Batched(connection)) {
                    log.replay(order, (type, data) -> {
                        projector.apply(rows, EventType.named(type).orElseThrow(), data);
                        replayed[0]++;
                    });
                }
                // the planner's statistics describe the refilled tables before the summaries are worked out from them
                analyze(connection);
                Summaries.refreshAll(connection);
                analyze(connection);
            });
        });
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(replayed[0], took.toMillis(),
                took.isZero() ? 0 : Math.round(replayed[0] / (took.toNanos() / 1e9)));
        LOG.infof("Read model rebuilt from %d events in %d ms (%d events/s)", result.events(), result.millis(),
                result.eventsPerSecond());
        return result;
    }

    private static void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze " + String.join(", ", TABLES));
        }
    }

    /** What a rebuild did. */
    public record Result(long events, long millis, long eventsPerSecond) {
    }
}
