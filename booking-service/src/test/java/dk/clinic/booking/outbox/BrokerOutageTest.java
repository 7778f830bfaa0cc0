package dk.clinic.booking.outbox;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.Topic;
import dk.clinic.platform.outbox.OutboxRelay;
import dk.clinic.testing.KafkaTestClient;
import dk.clinic.testing.TestInfrastructure;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class BrokerOutageTest {

    @Inject
    OutboxRelay relay;

    @Inject
    jakarta.persistence.EntityManager entityManager;

    /** The management interface's root, {@code /q/} on its own port. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @AfterEach
    void brokerIsBack() {
        TestInfrastructure.get().broker().thaw();
        TestInfrastructure.get().broker().resume();
    }

    @Test
    void whileTheBrokerIsDownTheReceptionKeepsWorkingAndTheEventWaitsUntilItIsBack() {
        TestInfrastructure.get().broker().halt();

        UUID patient = Fixtures.registerPatient("Bodil", "Outage");

        assertThat(relay.relayOnce()).as("nothing can be acknowledged without a broker").isZero();
        assertThat(publishedAt(patient)).as("the event waits in the outbox").isNull();

        TestInfrastructure.get().broker().resume();

        KafkaTestClient.await(Topic.BOOKING_PATIENTS, r -> patient.toString().equals(r.key()), 1, Duration.ofSeconds(60));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(publishedAt(patient)).isNotNull());
    }

    @Test
    void whileTheBrokerIsFrozenHealthAnswersAtOnceTheServiceStaysReadyAndSaysTheBrokerIsAway() {
        TestInfrastructure.get().broker().freeze();
        try {
            // a hung health check is a failure: nothing here waits longer for an answer than a load balancer would
            RestAssuredConfig boundedWait = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", 5_000).setParam("http.connection.timeout", 5_000));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().config(boundedWait)
                    .get(management + "health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'event-broker' }.data.reachable", equalTo(false)));
            UUID registered = Fixtures.registerPatient("Frida", "Frozen");
            assertThat(publishedAt(registered)).as("the event waits in the outbox").isNull();
        } finally {
            TestInfrastructure.get().broker().thaw();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get(management + "health/ready")
                .then().body("checks.find { it.name == 'event-broker' }.data.reachable", equalTo(true)));
    }

    private Object publishedAt(UUID patient) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select published_at from event_outbox where subject = :id")
                .setParameter("id", patient.toString())
                .getSingleResult());
    }
}
