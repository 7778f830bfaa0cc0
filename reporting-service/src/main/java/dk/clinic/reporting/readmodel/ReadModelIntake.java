package dk.clinic.reporting.readmodel;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.inbox.EventHandler;
import dk.clinic.platform.inbox.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Where the events the reports need enter the read model: each is kept in the event log (the rebuild replays it)
 * and applied to the tables the reports read, once, in the inbox's transaction.
 */
@ApplicationScoped
class ReadModelIntake implements EventHandler {

    private final EventLog log;
    private final Projector projector;

    ReadModelIntake(EventLog log, Projector projector) {
        this.log = log;
        this.projector = projector;
    }

    @Override
    public String name() {
        return "read-model";
    }

    @Override
    public Set<EventType> handles() {
        return Projector.TYPES;
    }

    @Override
    public void apply(InboundEvent event) {
        if (log.append(event)) {
            projector.apply(EventType.named(event.type()).orElseThrow(), event.data());
        }
    }
}
