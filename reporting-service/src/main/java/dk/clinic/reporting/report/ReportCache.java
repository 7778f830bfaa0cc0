package dk.clinic.reporting.report;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports already worked out for the read model as it stands. The read model is a function of the event log (a
 * rebuild gives the same figures, tested), so the log's last arrival and the number of rebuilds name its state
 * exactly: an answer kept for that state is the answer. Any new event or rebuild makes every kept answer stale, and
 * the next request works its report out again. The state is read before a report is worked out, so an answer is never
 * kept under a newer state than it saw. Kept per instance, the most recently used first, at most
 * {@code clinic.reports.cache-size} answers (0: none kept).
 */
@ApplicationScoped
class ReportCache {

    private static final String STATE = """
            select (select coalesce(max(arrival), 0) from event_log), (select generation from read_model_generation)""";

    private final DataSource dataSource;
    private final Map<Key, Kept> kept;
    private final int size;

    ReportCache(DataSource dataSource, @ConfigProperty(name = "clinic.reports.cache-size", defaultValue = "256") int size) {
        if (size < 0) {
            throw new IllegalArgumentException("clinic.reports.cache-size must not be negative");
        }
        this.dataSource = dataSource;
        this.size = size;
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
                return size() > ReportCache.this.size;
            }
        };
    }

    /** The report for {@code arguments} (the filters and every other parameter), worked out only if not kept. */
    @SuppressWarnings("unchecked")
    <R> Report<R> report(String report, List<?> arguments, Supplier<Report<R>> workOut) {
        if (size == 0) {
            return workOut.get();
        }
        State state = state();
        Key key = new Key(report, arguments);
        synchronized (kept) {
            Kept answer = kept.get(key);
            if (answer != null && answer.state().equals(state)) {
                return (Report<R>) answer.report();
            }
        }
        Report<R> answer = workOut.get();
        synchronized (kept) {
            kept.put(key, new Kept(state, answer));
        }
        return answer;
    }

    private State state() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(STATE)) {
            row.next();
            return new State(row.getLong(1), row.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the read model's state: " + e.getMessage(), e);
        }
    }

    private record Key(String report, List<?> arguments) {
    }

    private record State(long lastArrival, long generation) {
    }

    private record Kept(State state, Report<?> report) {
    }
}
