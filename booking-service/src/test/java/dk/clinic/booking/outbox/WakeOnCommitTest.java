package dk.clinic.booking.outbox;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.Topic;
import dk.clinic.platform.outbox.OutboxListener;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay publishes an event because its row committed, not because a round came by: here the periodic round comes
 * once an hour, so only the outbox's notification can carry the events to the broker.
 */
@QuarkusTest
@TestProfile(WakeOnCommitTest.HourlyRounds.class)
class WakeOnCommitTest {

    @Inject
    OutboxListener listener;

    public static class HourlyRounds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.outbox.relay-interval", "1h", "clinic.outbox.relay-delay", "1h");
        }
    }

    @Test
    void anEventReachesTheBrokerWhenItsTransactionCommitsWithoutWaitingForTheRelaysRound() {
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);

        UUID patient = Fixtures.registerPatient("Vakt", "Commit");

        KafkaTestClient.await(Topic.BOOKING_PATIENTS, r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(30));
    }

    @Test
    void whenTheListenersConnectionIsCutItListensAgainAndWhatCommittedMeanwhileIsPublished() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        int cut = terminateListeners();
        assertThat(cut).as("the listener's own connection, found by its application name").isPositive();

        // committed while the listener may not listen yet: published once it listens again
        UUID patient = Fixtures.registerPatient("Afbrudt", "Forbindelse");

        KafkaTestClient.await(Topic.BOOKING_PATIENTS, r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).until(listener::listening);
        UUID later = Fixtures.registerPatient("Igen", "Forbindelse");
        KafkaTestClient.await(Topic.BOOKING_PATIENTS, r -> later.toString().equals(r.key()), 1, Duration.ofSeconds(30));
    }

    private static int terminateListeners() throws SQLException {
        TestInfrastructure.TestDatabase database = TestInfrastructure.get().database();
        try (Connection admin = DriverManager.getConnection(database.adminJdbcUrl(), database.adminUser(),
                database.adminPassword());
             Statement statement = admin.createStatement();
             ResultSet terminated = statement.executeQuery("""
                     select count(*) filter (where pg_terminate_backend(pid)) from pg_stat_activity
                     where application_name = 'outbox listener' and usename = 'booking_svc'""")) {
            terminated.next();
            return terminated.getInt(1);
        }
    }
}
