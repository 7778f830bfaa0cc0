package dk.clinic.booking.schedulingrequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.series.SeriesRequest;
import dk.clinic.booking.series.SeriesService;
import dk.clinic.booking.slot.Slot;
import dk.clinic.booking.slot.SlotFinder;
import dk.clinic.platform.followup.FollowUpHandler;
import dk.clinic.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Step 2 without the reception, when the plan asks for it: after the request is stored, book the earliest series
 * that fits, with an appointment type that delivers the modality (holding a device when the plan needs one) and the
 * preferred practitioner when the plan names one, trying the 20 earliest free starts of the next four weeks per
 * type. Whatever does not fit stays an open request for the reception.
 */
@ApplicationScoped
class AutoBooking implements FollowUpHandler {

    static final String AUTO_BOOK = "scheduling.auto-book";

    private static final Logger LOG = Logger.getLogger(AutoBooking.class);
    private static final int SEARCH_DAYS = 28;

    private final SchedulingRequestService requests;
    private final AppointmentTypeService types;
    private final Bookables bookables;
    private final SlotFinder slots;
    private final SeriesService series;
    private final ClinicService clinics;
    private final Clock clock;
    private final ObjectMapper json;

    AutoBooking(SchedulingRequestService requests, AppointmentTypeService types, Bookables bookables, SlotFinder slots,
                SeriesService series, ClinicService clinics, Clock clock, ObjectMapper json) {
        this.json = json;
        this.requests = requests;
        this.types = types;
        this.bookables = bookables;
        this.slots = slots;
        this.series = series;
        this.clinics = clinics;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return AUTO_BOOK;
    }

    /**
     * A follow-up of the consumer's transaction, so the request is visible and the plan's lock (taken by storing the
     * request) is released: booking takes that lock again. Each attempt books in a transaction of its own, and a
     * request booked already is no longer open, so carrying this out twice books nothing twice.
     */
    @Override
    public void handle(JsonNode payload) {
        SchedulingRequestService.Received received;
        try {
            received = json.treeToValue(payload, SchedulingRequestService.Received.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An auto-booking follow-up cannot be read: " + payload, e);
        }
        try {
            tryBooking(requests.require(received.requestId()));
        } catch (ProblemException notNow) {
            LOG.infof("Scheduling request %s stays open for the reception: %s", received.requestId(), notNow.getMessage());
        }
    }

    private void tryBooking(SchedulingRequest request) {
        List<AppointmentType> candidates = typesFor(request);
        if (candidates.isEmpty()) {
            LOG.infof("No active appointment type delivers %s%s; request %s stays open", request.modality,
                    request.deviceNeeded ? " with a device" : "", request.id);
            return;
        }
        Practitioner preferred = request.practitionerPreference == null ? null
                : bookables.active(Practitioner.class).stream()
                .filter(p -> p.id.equals(request.practitionerPreference)).findFirst().orElse(null);
        LocalDate from = clinics.calendar().local(clock.instant()).toLocalDate().plusDays(1);
        for (AppointmentType type : candidates) {
            List<Slot> first = slots.find(type, from, from.plusDays(SEARCH_DAYS), preferred, null, clock.instant(), 20);
            for (Slot slot : first) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> series.book(new SeriesRequest(request.patientId,
                            type.id, slot.practitionerId(), null, null, slot.localStart(), request.sessions,
                            request.intervalDays, null, "Booked automatically for the treatment plan", request.id)));
                    return;
                } catch (ProblemException doesNotFit) {
                    if ("request-not-open".equals(doesNotFit.slug())) {
                        LOG.infof("Request %s is no longer open (its plan ended); nothing to book", request.id);
                        return;
                    }
                    // otherwise the next start may fit the whole course
                }
            }
        }
        LOG.infof("No series from the earliest free starts fits request %s; it stays open", request.id);
    }

    /**
     * The active types that deliver the request's modality in the way it asks for: when the plan needs a device
     * (a shockwave unit), only types that hold one; otherwise types without a device come first, so a scarce unit is
     * not held for a session that does not use it. Within each group, by code, so the choice is the same every time.
     */
    private List<AppointmentType> typesFor(SchedulingRequest request) {
        return types.active().stream()
                .filter(t -> t.modality.equals(request.modality))
                .filter(t -> !request.deviceNeeded || t.deviceKind != null)
                .sorted(Comparator.comparing((AppointmentType t) -> t.deviceKind != null)
                        .thenComparing(t -> t.code))
                .toList();
    }
}
