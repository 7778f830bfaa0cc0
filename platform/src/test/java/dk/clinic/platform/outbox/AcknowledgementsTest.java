package dk.clinic.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's decisions on the broker's answers; no broker, no database. */
class AcknowledgementsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void everyAcknowledgedEventIsMarkedPublished() {
        List<OutboxEvent> batch = List.of(event("karen"), event("ole"), event("karen"));

        int published = Acknowledgements.settle(batch, Arrays.asList(null, null, null), NOW);

        assertThat(published).isEqualTo(3);
        assertThat(batch).allSatisfy(event -> {
            assertThat(event.publishedAt).isEqualTo(NOW);
            assertThat(event.attempts).isZero();
        });
    }

    @Test
    void aFailureHoldsBackTheLaterEventsOfItsKeyEvenIfTheyWereAcknowledged() {
        OutboxEvent karenBooked = event("karen");
        OutboxEvent oleBooked = event("ole");
        OutboxEvent karenCancelled = event("karen");

        int published = Acknowledgements.settle(List.of(karenBooked, oleBooked, karenCancelled),
                Arrays.asList("TimeoutException: no answer", null, null), NOW);

        assertThat(published).isEqualTo(1);
        assertThat(oleBooked.publishedAt).isEqualTo(NOW);
        assertThat(karenBooked.publishedAt).isNull();
        assertThat(karenBooked.attempts).isEqualTo(1);
        assertThat(karenBooked.lastError).isEqualTo("TimeoutException: no answer");
        assertThat(karenCancelled.publishedAt).as("waits for the booking before it").isNull();
        assertThat(karenCancelled.attempts).as("it did not fail itself").isZero();
    }

    @Test
    void anEarlierAcknowledgementOfTheKeyStandsWhenALaterEventFails() {
        OutboxEvent first = event("karen");
        OutboxEvent second = event("karen");

        Acknowledgements.settle(List.of(first, second), Arrays.asList(null, "NetworkException: gone"), NOW);

        assertThat(first.publishedAt).isEqualTo(NOW);
        assertThat(second.publishedAt).isNull();
        assertThat(second.attempts).isEqualTo(1);
    }

    @Test
    void aLongReasonIsKeptShort() {
        OutboxEvent event = event("karen");
        event.attempts = 4;

        Acknowledgements.settle(List.of(event), List.of("x".repeat(5000)), NOW);

        assertThat(event.lastError).hasSize(Acknowledgements.LONGEST_ERROR);
        assertThat(event.attempts).isEqualTo(5);
    }

    private static OutboxEvent event(String key) {
        OutboxEvent event = new OutboxEvent();
        event.key = key;
        return event;
    }
}
