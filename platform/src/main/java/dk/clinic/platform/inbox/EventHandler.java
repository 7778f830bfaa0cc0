package dk.clinic.platform.inbox;

import dk.clinic.contracts.EventType;

import java.util.Set;

/**
 * One effect of other services' events in this service, e.g. keeping the patient directory. {@link EventIntake}
 * hands it each event of a type it handles, once: in a transaction that also records the event id under
 * {@link #name()}, so a redelivered event changes nothing.
 */
public interface EventHandler {

    /** A stable name for the effect, e.g. {@code patient-directory}; the inbox remembers processed events under it. */
    String name();

    /** The event types this effect needs. */
    Set<EventType> handles();

    /**
     * Applies the event, in the intake's transaction. Throw {@link MalformedEventException} when the event breaks
     * its contract (it goes to the dead-letter topic at once); anything else is retried, then dead-lettered.
     */
    void apply(InboundEvent event);
}
