package dk.clinic.treatment.appointment;

import dk.clinic.platform.inbox.InboundEvent;

/** An appointment event from booking, handled once, fired inside its transaction for whoever follows courses. */
public record AppointmentAnnounced(InboundEvent event) {
}
