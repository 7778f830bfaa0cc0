package dk.clinic.booking.outbox;

import dk.clinic.booking.Fixtures;
import dk.clinic.contracts.Topic;
import dk.clinic.platform.outbox.OutboxRelay;
import dk.clinic.testing.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dk.clinic.testing.KafkaTestClient.header;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(RelayDisabledProfile.class)
class SeveralRelaysTest {

    @Inject
    OutboxRelay relay;

    @Test
    void relaysRunningAtOnceNeverPublishOneEventTwiceAndKeepEachPatientsOrder() throws Exception {
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            patients.add(Fixtures.registerPatient("Relay" + i, "Several").toString());
        }
        Set<String> ours = Set.copyOf(patients);
        assertThat(relay.pendingCount()).isGreaterThanOrEqualTo(12);

        ExecutorService instances = Executors.newFixedThreadPool(4);
        try {
            while (relay.pendingCount() > 0) {
                List<Callable<Integer>> rounds = List.of(relay::relayOnce, relay::relayOnce, relay::relayOnce,
                        relay::relayOnce);
                for (Future<Integer> round : instances.invokeAll(rounds)) {
                    round.get();
                }
            }
        } finally {
            instances.shutdownNow();
        }

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readAll(Topic.BOOKING_PATIENTS,
                r -> ours.contains(r.key()));
        Map<String, Long> perEventId = records.stream()
                .collect(Collectors.groupingBy(r -> header(r, "ce_id"), Collectors.counting()));
        assertThat(perEventId).hasSize(12);
        assertThat(perEventId.values()).allMatch(count -> count == 1L);
        assertThat(records.stream().map(ConsumerRecord::key).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(patients);
        assertThat(records.stream().collect(Collectors.toMap(ConsumerRecord::key, Function.identity())))
                .hasSize(12);
    }
}
