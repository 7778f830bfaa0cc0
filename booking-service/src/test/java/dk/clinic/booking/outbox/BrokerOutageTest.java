package dk.clinic.booking.outbox;

import dk.clinic.booking.Fixtures;
import dk.clinic.platform.outbox.OutboxRelay;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.TestInfrastructure;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class BrokerOutageTest {

    @Inject
    OutboxRelay relay;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    @AfterEach
    void brokerIsBack() {
        TestInfrastructure.get().broker().resume();
    }

    @Test
    void whileTheBrokerIsDownTheReceptionKeepsWorkingAndTheEventWaitsUntilItIsBack() {
        TestInfrastructure.get().broker().halt();

        UUID patient = Fixtures.registerPatient("Bodil", "Outage");

        assertThat(relay.relayOnce()).as("nothing can be acknowledged without a broker").isZero();
        assertThat(publishedAt(patient)).as("the event waits in the outbox").isNull();

        TestInfrastructure.get().broker().resume();

        KafkaTestClient.await("booking.patients", r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedAt(patient)).isNotNull());
    }

    private Object publishedAt(UUID patient) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from event_outbox where subject = :id")
                .setParameter("id", patient.toString())
                .getSingleResult());
    }
}
