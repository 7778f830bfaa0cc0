package dk.clinic.platform.outbox;

import dk.clinic.platform.persistence.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Wakes the {@link OutboxRelay} the moment an outbox row commits, on whichever instance committed it: the outbox's
 * trigger notifies the channel {@code <schema>.event_outbox} (migration V2026.11.29.20), and this listens to it on a
 * connection of its own (outside the pool, which it would otherwise hold one of for good).
 *
 * <p>When the connection drops (the database restarts, a network blip), the listener connects again with growing
 * pauses, and wakes the relay once it listens again, since a commit in between was not heard. Until then the relay's
 * periodic round carries on alone: events are late, never lost. A connection that went silent is found out by a
 * {@code select 1} after {@link #IDLE_CHECK} without notifications.
 *
 * <p>Off when the relay is ({@code clinic.outbox.relay-enabled=false}) or with {@code clinic.outbox.wake-on-commit=false}.
 */
@ApplicationScoped
public class OutboxListener {

    private static final String WORK = "Outbox listener";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);
    private static final Duration IDLE_CHECK = Duration.ofSeconds(10);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final OutboxRelay relay;
    private final Outages outages;
    private final boolean enabled;
    private final String channel;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile boolean listening;
    private final Counter heard;

    OutboxListener(OutboxRelay relay, Outages outages, MeterRegistry meters,
                   @ConfigProperty(name = "clinic.outbox.wake-on-commit", defaultValue = "true") boolean enabled,
                   @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema,
                   @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                   @ConfigProperty(name = "quarkus.datasource.username") String username,
                   @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.relay = relay;
        this.outages = outages;
        this.enabled = enabled && relay.enabled();
        this.channel = '"' + schema.replace("\"", "\"\"") + ".event_outbox\"";
        this.url = url;
        credentials.setProperty("user", username);
        password.ifPresent(value -> credentials.setProperty("password", value));
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", String.valueOf(IDLE_CHECK.toSeconds() * 2));
        credentials.setProperty("tcpKeepAlive", "true");
        credentials.setProperty("ApplicationName", "outbox listener");
        meters.gauge("clinic.outbox.listening", this, listener -> listener.listening ? 1 : 0);
        this.heard = meters.counter("clinic.outbox.notifications");
    }

    /** Whether the listener holds a connection that listens now (false while it connects again, or when off). */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent start) {
        if (enabled) {
            running = true; // before the thread starts, which may look at it before start() returns
            thread = Thread.ofPlatform().name("outbox-listener").daemon().start(this::listen);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(connection);
        }
    }

    private void listen() {
        long pauseMillis = 500;
        while (running) {
            try (Connection opened = DriverManager.getConnection(url, credentials)) {
                connection = opened;
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                outages.succeeded(WORK);
                LOG.debugf("Listening to %s for committed events", channel);
                pauseMillis = 500;
                relay.wake(); // a commit while nobody listened was not heard
                PGConnection notifications = opened.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] heard = notifications.getNotifications((int) IDLE_CHECK.toMillis());
                    if (heard != null && heard.length > 0) {
                        this.heard.increment(heard.length);
                        relay.wake();
                    } else if (running) {
                        try (Statement check = opened.createStatement()) {
                            check.execute("select 1");
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                outages.failed(WORK, e);
            } finally {
                listening = false;
                connection = null;
            }
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                return;
            }
            pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE.toMillis());
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a connection we are giving up on anyway
            }
        }
    }
}
