package dk.clinic.contracts;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java names of topics and event types say exactly what {@code asyncapi.yaml} says. */
class EventTypesTest {

    private final EventContracts contracts = EventContracts.get();

    @Test
    void everyEventTypeTravelsOnTheTopicTheDocumentGivesIt() {
        Map<String, String> declared = Arrays.stream(EventType.values())
                .collect(Collectors.toMap(EventType::type, type -> type.topic().address()));
        Map<String, String> documented = contracts.types().stream()
                .collect(Collectors.toMap(type -> type, type -> contracts.contract(type).topic()));
        assertThat(declared).isEqualTo(documented);
    }

    @Test
    void everyTopicIsAChannelOfTheDocument() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::address))
                .containsExactlyInAnyOrderElementsOf(contracts.types().stream()
                        .map(type -> contracts.contract(type).topic()).distinct().toList());
    }

    @Test
    void aTypeIsFoundByItsNameAndAnUnknownOneIsNot() {
        assertThat(EventType.named("clinic.booking.appointment.noshow.v1")).contains(EventType.APPOINTMENT_NO_SHOW);
        assertThat(EventType.named("clinic.booking.appointment.noshow.v2")).isEmpty();
        assertThat(EventType.named(null)).isEmpty();
    }
}
