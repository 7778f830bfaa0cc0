package dk.clinic.booking.appointment;

import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.slot.Slot;
import dk.clinic.booking.slot.SlotFinder;
import dk.clinic.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the reception is offered when a time is taken: the next free times for the same practitioner. */
@ApplicationScoped
public class Alternatives {

    private static final int HOW_MANY = 3;
    private static final int WITHIN_DAYS = 14;

    private final ClinicService clinics;
    private final SlotFinder slots;
    private final Clock clock;

    Alternatives(ClinicService clinics, SlotFinder slots, Clock clock) {
        this.clinics = clinics;
        this.slots = slots;
        this.clock = clock;
    }

    /** 409 naming the taken resource, with the next free times for the same practitioner. */
    public ProblemException taken(Conflict conflict, Placement placement, Instant wanted) {
        return ProblemException.conflict("resource-taken", "The " + conflict.kind() + " is taken", conflict.detail())
                .with("resource", conflict)
                .with("alternatives", near(placement, wanted));
    }

    /** The first free times from {@code wanted} (or now, if that has passed) in the next two weeks. */
    public List<Slot> near(Placement placement, Instant wanted) {
        LocalDate from = clinics.calendar().local(wanted).toLocalDate();
        Instant now = clock.instant();
        Instant notBefore = wanted.isAfter(now) ? wanted : now;
        return slots.find(placement.type(), from, from.plusDays(WITHIN_DAYS), placement.practitioner(), null,
                notBefore, HOW_MANY);
    }
}
