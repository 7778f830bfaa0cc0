package dk.clinic.booking.waitlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.booking.appointment.TimeFreed;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.Clinic;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.slot.Slot;
import dk.clinic.booking.slot.SlotFinder;
import dk.clinic.platform.followup.FollowUpHandler;
import dk.clinic.platform.followup.FollowUps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Offers freed time to the waitlist: the most urgent, longest-waiting patient whose window and practitioner match and
 * for whom the time is really free gets an offer that expires after the clinic's {@code waitlistOfferMinutes}.
 */
@ApplicationScoped
class OfferMaker implements FollowUpHandler {

    static final String OFFER_FREED_TIME = "waitlist.offer-freed-time";

    private static final Logger LOG = Logger.getLogger(OfferMaker.class);
    /** Every start time of one day on the finest slot grid (5 minutes). */
    private static final int SLOTS_IN_A_DAY = 288;

    private final EntityManager entityManager;
    private final ClinicService clinics;
    private final SlotFinder slots;
    private final WaitlistEvents events;
    private final Clock clock;
    private final FollowUps followUps;
    private final ObjectMapper json;

    OfferMaker(EntityManager entityManager, ClinicService clinics, SlotFinder slots, WaitlistEvents events, Clock clock,
               FollowUps followUps, ObjectMapper json) {
        this.entityManager = entityManager;
        this.clinics = clinics;
        this.slots = slots;
        this.events = events;
        this.clock = clock;
        this.followUps = followUps;
        this.json = json;
    }

    /**
     * A cancellation, move or no-show freed time, inside its transaction: offering it is recorded as a follow-up there,
     * and carried out once that transaction has committed (the time is free only then). A crash in between loses
     * nothing, and a failed offer is tried again without touching the change that freed the time.
     */
    void onTimeFreed(@Observes TimeFreed freed) {
        followUps.schedule(OFFER_FREED_TIME, freed);
    }

    @Override
    public String kind() {
        return OFFER_FREED_TIME;
    }

    @Override
    public void handle(JsonNode payload) {
        try {
            offerNext(json.treeToValue(payload, TimeFreed.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A freed time follow-up cannot be read: " + payload, e);
        }
    }

    /** Offers the time to the next matching entry, if any, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<WaitlistOffer> offerNext(TimeFreed freed) {
        Instant now = clock.instant();
        Instant from = freed.start().isAfter(now) ? freed.start() : now; // a no-show's time is free from now on
        if (!freed.end().isAfter(from)) {
            return Optional.empty();
        }
        AppointmentType type = entityManager.find(AppointmentType.class, freed.appointmentTypeId());
        Practitioner practitioner = entityManager.find(Practitioner.class, freed.practitionerId());
        if (type == null || !type.active || practitioner == null || !practitioner.active) {
            return Optional.empty();
        }
        List<WaitlistEntry> candidates = candidates(freed, from);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        LocalDate day = clinics.calendar().local(from).toLocalDate();
        List<Slot> free = slots.find(type, day, day, practitioner, null, from, SLOTS_IN_A_DAY).stream()
                .filter(slot -> slot.start().isBefore(freed.end()))
                .toList();
        for (WaitlistEntry entry : candidates) {
            Optional<Slot> slot = slotFor(entry, free, freed.start());
            if (slot.isPresent()) {
                return Optional.of(offer(entry, slot.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * Waiting entries for the type (and this practitioner, or anyone) whose window overlaps the freed time and who
     * were not offered this time before, most urgent first. Rows another instance is offering right now are skipped
     * rather than waited for, so two offers never go to one entry.
     */
    @SuppressWarnings("unchecked")
    private List<WaitlistEntry> candidates(TimeFreed freed, Instant from) {
        return entityManager.createNativeQuery("""
                        select e.* from waitlist_entry e
                        where e.status = 'waiting' and e.appointment_type_id = :type
                          and (e.practitioner_id is null or e.practitioner_id = :practitioner)
                          and e.earliest < :end and e.latest > :from
                          and not exists (select 1 from waitlist_offer o
                                          where o.entry_id = e.id and o.practitioner_id = :practitioner
                                            and o.starts_at < :end and o.ends_at > :start)
                        order by e.priority, e.created_at, e.id
                        for update of e skip locked""", WaitlistEntry.class)
                .setParameter("type", freed.appointmentTypeId())
                .setParameter("practitioner", freed.practitionerId())
                .setParameter("start", freed.start().atOffset(ZoneOffset.UTC))
                .setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("end", freed.end().atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    /** The slot at the freed start when it lies in the entry's window; otherwise the earliest free one that does. */
    private static Optional<Slot> slotFor(WaitlistEntry entry, List<Slot> free, Instant freedStart) {
        List<Slot> inWindow = free.stream().filter(slot -> entry.accepts(slot.start())).toList();
        return inWindow.stream().filter(slot -> slot.start().equals(freedStart)).findFirst()
                .or(() -> inWindow.stream().findFirst());
    }

    private WaitlistOffer offer(WaitlistEntry entry, Slot slot) {
        Clinic clinic = clinics.current();
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofMinutes(clinic.waitlistOfferMinutes));
        WaitlistOffer offer = new WaitlistOffer();
        offer.id = UUID.randomUUID();
        offer.entryId = entry.id;
        offer.practitionerId = slot.practitionerId();
        offer.start = slot.start();
        offer.end = slot.end();
        offer.expiresAt = expires.isBefore(slot.start()) ? expires : slot.start();
        offer.status = WaitlistOffer.Status.open;
        offer.createdAt = now;
        entityManager.persist(offer);
        entry.status = WaitlistEntry.Status.offered;
        entityManager.flush();
        events.offerMade(offer, entry);
        LOG.infof("Waitlist: offered %s to entry %s until %s", offer.start, entry.id, offer.expiresAt);
        return offer;
    }
}
