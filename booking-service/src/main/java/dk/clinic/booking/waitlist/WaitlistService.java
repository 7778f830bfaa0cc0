package dk.clinic.booking.waitlist;

import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointment.Booking;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.patient.PatientService;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The waitlist: entries the reception keeps, and the answers to offers. Whoever changes an offer locks it first and
 * its entry second, so concurrent answers, withdrawals and the expiry job wait for each other in one order.
 */
@ApplicationScoped
public class WaitlistService {

    private final EntityManager entityManager;
    private final ClinicService clinics;
    private final PatientService patients;
    private final AppointmentTypeService types;
    private final Bookables bookables;
    private final Booking booking;
    private final OfferMaker offers;
    private final CurrentUser user;
    private final Clock clock;

    WaitlistService(EntityManager entityManager, ClinicService clinics, PatientService patients,
                    AppointmentTypeService types, Bookables bookables, Booking booking,
                    OfferMaker offers, CurrentUser user, Clock clock) {
        this.entityManager = entityManager;
        this.clinics = clinics;
        this.patients = patients;
        this.types = types;
        this.bookables = bookables;
        this.booking = booking;
        this.offers = offers;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public WaitlistEntry add(WaitlistRequest request) {
        ClinicCalendar calendar = clinics.calendar();
        Instant earliest = calendar.resolve("earliest", request.earliest());
        Instant latest = calendar.resolve("latest", request.latest());
        if (!latest.isAfter(earliest)) {
            throw ProblemException.invalid("latest", "must be after earliest");
        }
        if (!latest.isAfter(clock.instant())) {
            throw ProblemException.invalid("latest", "must be in the future");
        }
        patients.requireReference("patientId", request.patientId());
        AppointmentType type = types.requireActiveReference("appointmentTypeId", request.appointmentTypeId());
        if (request.practitionerId() != null) {
            bookables.requireDelivering("practitionerId", request.practitionerId(), type.modality);
        }
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.patientId = request.patientId();
        entry.appointmentTypeId = type.id;
        entry.practitionerId = request.practitionerId();
        entry.earliest = earliest;
        entry.latest = latest;
        entry.priority = request.priority().shortValue();
        entry.status = WaitlistEntry.Status.waiting;
        entry.createdAt = clock.instant();
        entry.createdBy = user.name();
        entityManager.persist(entry);
        entityManager.flush();
        return entry;
    }

    /** Entries, most urgent and longest waiting first; both filters are optional. */
    public List<WaitlistEntry> entries(WaitlistEntry.Status status, UUID patientId) {
        List<String> where = new ArrayList<>();
        if (status != null) {
            where.add("status = :status");
        }
        if (patientId != null) {
            where.add("patientId = :patient");
        }
        var query = entityManager.createQuery("from WaitlistEntry"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by priority, createdAt, id", WaitlistEntry.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (patientId != null) {
            query.setParameter("patient", patientId);
        }
        return query.getResultList();
    }

    public WaitlistEntry require(UUID id) {
        return Optional.ofNullable(entityManager.find(WaitlistEntry.class, id))
                .orElseThrow(() -> ProblemException.notFound("Waitlist entry", id));
    }

    /** Takes the patient off the list; an open offer is declined on their behalf and goes to the next patient. */
    @Transactional
    public WaitlistEntry withdraw(UUID id, String ifMatch) {
        Optional<WaitlistOffer> open = entityManager.createQuery(
                        "from WaitlistOffer where entryId = :entry and status = :open", WaitlistOffer.class)
                .setParameter("entry", id).setParameter("open", WaitlistOffer.Status.open)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
        WaitlistEntry entry = Optional.ofNullable(
                        entityManager.find(WaitlistEntry.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Waitlist entry", id));
        Versions.requireCurrent(ifMatch, entry.version, "Waitlist entry");
        if (entry.status == WaitlistEntry.Status.booked || entry.status == WaitlistEntry.Status.withdrawn) {
            throw ProblemException.conflict("invalid-transition", "Not possible in this state",
                    "A " + entry.status + " waitlist entry cannot be withdrawn").with("currentStatus", entry.status);
        }
        entry.status = WaitlistEntry.Status.withdrawn;
        open.ifPresent(offer -> offer.status = WaitlistOffer.Status.declined);
        entityManager.flush();
        open.ifPresent(offer -> offers.offerNext(offer.time(entry)));
        return entry;
    }

    /** Offers, newest first, with the patient each went to; {@code status} is optional. */
    public List<WaitlistOfferView> offers(WaitlistOffer.Status status) {
        ClinicCalendar calendar = clinics.calendar();
        var query = entityManager.createQuery("select o, e from WaitlistOffer o, WaitlistEntry e where e.id = o.entryId"
                        + (status == null ? "" : " and o.status = :status") + " order by o.createdAt desc, o.id",
                Object[].class);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultStream()
                .map(row -> WaitlistOfferView.of((WaitlistOffer) row[0], (WaitlistEntry) row[1], calendar))
                .toList();
    }

    /**
     * Books the offered time for the patient through {@link Booking#book}, so every booking rule and the
     * reservations decide: 409 with alternatives when the time was taken meanwhile (the offer stays open; decline it
     * to put the patient back on the list), 410 when the offer has expired.
     */
    @Transactional
    public Appointment accept(UUID offerId) {
        WaitlistOffer offer = requireOpen(offerId);
        WaitlistEntry entry = entityManager.find(WaitlistEntry.class, offer.entryId, LockModeType.PESSIMISTIC_WRITE);
        Appointment appointment = booking.book(entry.patientId, entry.appointmentTypeId, offer.practitionerId,
                null, null, clinics.calendar().clinicTime(offer.start), null);
        offer.status = WaitlistOffer.Status.accepted;
        offer.appointmentId = appointment.id;
        entry.status = WaitlistEntry.Status.booked;
        return appointment;
    }

    /** The patient does not want the time: they wait again for other time, and this time goes to the next patient. */
    @Transactional
    public WaitlistOfferView decline(UUID offerId) {
        WaitlistOffer offer = requireOpen(offerId);
        WaitlistEntry entry = entityManager.find(WaitlistEntry.class, offer.entryId, LockModeType.PESSIMISTIC_WRITE);
        offer.status = WaitlistOffer.Status.declined;
        entry.status = WaitlistEntry.Status.waiting;
        entityManager.flush();
        offers.offerNext(offer.time(entry));
        return WaitlistOfferView.of(offer, entry, clinics.calendar());
    }

    private WaitlistOffer requireOpen(UUID offerId) {
        WaitlistOffer offer = Optional.ofNullable(
                        entityManager.find(WaitlistOffer.class, offerId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> ProblemException.notFound("Waitlist offer", offerId));
        boolean lapsed = offer.status == WaitlistOffer.Status.open && !offer.expiresAt.isAfter(clock.instant());
        if (offer.status == WaitlistOffer.Status.expired || lapsed) {
            // the expiry job passes the time on to the next patient, if it has not already
            throw new ProblemException(410, "offer-expired", "The offer has expired",
                    "The offer expired at " + offer.expiresAt + "; the time goes to the next patient on the waitlist")
                    .with("expiresAt", offer.expiresAt);
        }
        if (offer.status != WaitlistOffer.Status.open) {
            throw ProblemException.conflict("invalid-transition", "The offer was already answered",
                    "The offer was " + offer.status).with("currentStatus", offer.status);
        }
        return offer;
    }
}
