package dk.clinic.platform.inbox;

import dk.clinic.contracts.EventType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The intake names the topics a service forgot to subscribe to, and only those. */
class EventIntakeTest {

    private final EventHandler patients = handler("patient-directory", EventType.PATIENT_REGISTERED, EventType.PATIENT_CHANGED);
    private final EventHandler plans = handler("scheduling-requests", EventType.SCHEDULING_REQUESTED, EventType.PLAN_CLOSED);

    @Test
    void everyNeededTopicSubscribedLeavesNothingUnheard() {
        assertThat(EventIntake.unsubscribed(List.of(patients, plans),
                List.of("booking.patients", "treatment.scheduling", "treatment.plans"))).isEmpty();
    }

    @Test
    void aTopicNoSubscriptionCoversIsNamedOnce() {
        assertThat(EventIntake.unsubscribed(List.of(patients, plans), List.of("treatment.scheduling")))
                .containsExactly("booking.patients", "treatment.plans");
    }

    private static EventHandler handler(String name, EventType first, EventType... rest) {
        Set<EventType> types = EnumSet.of(first, rest);
        return new EventHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<EventType> handles() {
                return types;
            }

            @Override
            public void apply(InboundEvent event) {
                throw new AssertionError("not applied in this test");
            }
        };
    }
}
