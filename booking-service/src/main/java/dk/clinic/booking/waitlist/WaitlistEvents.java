package dk.clinic.booking.waitlist;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Offers made to patients on the waitlist (topic {@code booking.waitlist}, key = patient id), e.g. for a text. */
@ApplicationScoped
class WaitlistEvents {

    private final Outbox outbox;

    WaitlistEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void offerMade(WaitlistOffer offer, WaitlistEntry entry) {
        outbox.record(EventType.WAITLIST_OFFER_MADE, entry.patientId.toString(), offer.id.toString(),
                new OfferMade(offer.id, entry.id, entry.patientId, entry.appointmentTypeId, offer.practitionerId,
                        offer.start, offer.end, offer.expiresAt));
    }

    /** Exactly {@code contracts/schemas/waitlist-offer.v1.json}. */
    record OfferMade(UUID offerId, UUID waitlistEntryId, UUID patientId, UUID appointmentTypeId, UUID practitionerId,
                     Instant start, Instant end, Instant expiresAt) {
    }
}
