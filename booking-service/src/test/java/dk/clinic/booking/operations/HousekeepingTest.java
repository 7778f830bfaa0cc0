package dk.clinic.booking.operations;

import dk.clinic.platform.housekeeping.Housekeeping;
import dk.clinic.testing.AdjustableClock;
import dk.clinic.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Years of running leave neither every processed event's id nor every published event behind: each goes once it is
 * older than its retention (30 days for the inbox, longer than the broker redelivers; 7 days for published events), and
 * an event still waiting for the broker stays however old it is.
 */
@QuarkusTest
class HousekeepingTest {

    private static final OffsetDateTime NOW = AdjustableClock.now().atOffset(ZoneOffset.UTC);

    @Inject
    Housekeeping housekeeping;

    @Test
    void processedAndPublishedEventsGoAfterTheirRetentionAndWaitingEventsStay() throws SQLException {
        UUID oldProcessed = processed(Duration.ofDays(31));
        UUID recentProcessed = processed(Duration.ofDays(29));
        UUID oldPublished = outbox(Duration.ofDays(8), true);
        UUID recentPublished = outbox(Duration.ofDays(6), true);
        UUID oldWaiting = outbox(Duration.ofDays(8), false);

        housekeeping.purge();

        assertThat(exists("processed_event", oldProcessed)).as("processed 31 days ago").isFalse();
        assertThat(exists("processed_event", recentProcessed)).as("processed 29 days ago").isTrue();
        assertThat(exists("event_outbox", oldPublished)).as("published 8 days ago").isFalse();
        assertThat(exists("event_outbox", recentPublished)).as("published 6 days ago").isTrue();
        assertThat(exists("event_outbox", oldWaiting)).as("waiting for the broker for 8 days").isTrue();
    }

    private static UUID processed(Duration ago) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = admin(); PreparedStatement insert = connection.prepareStatement("""
                insert into booking.processed_event (event_id, consumer, event_type, processed_at)
                values (?, 'housekeeping-test', 'clinic.test.v1', ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, NOW.minus(ago));
            insert.executeUpdate();
        }
        return id;
    }

    private static UUID outbox(Duration ago, boolean published) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = admin(); PreparedStatement insert = connection.prepareStatement("""
                insert into booking.event_outbox
                    (event_id, topic, message_key, event_type, subject, occurred_at, payload, published_at)
                values (?, 'housekeeping.test', 'key', 'clinic.test.v1', 'subject', ?, '{}', ?)""")) {
            insert.setObject(1, id);
            insert.setObject(2, NOW.minus(ago));
            insert.setObject(3, published ? NOW.minus(ago) : null);
            insert.executeUpdate();
        }
        return id;
    }

    private static boolean exists(String table, UUID eventId) throws SQLException {
        try (Connection connection = admin(); PreparedStatement select = connection.prepareStatement(
                "select 1 from booking." + table + " where event_id = ?")) {
            select.setObject(1, eventId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static Connection admin() throws SQLException {
        TestInfrastructure.TestDatabase database = TestInfrastructure.get().database();
        return DriverManager.getConnection(database.adminJdbcUrl(), database.adminUser(), database.adminPassword());
    }
}
