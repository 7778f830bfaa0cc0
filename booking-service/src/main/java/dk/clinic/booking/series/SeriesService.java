package dk.clinic.booking.series;

import dk.clinic.booking.appointment.Alternatives;
import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointment.AppointmentStatus;
import dk.clinic.booking.appointment.Appointments;
import dk.clinic.booking.appointment.Booking;
import dk.clinic.booking.appointment.Conflict;
import dk.clinic.booking.appointment.Lifecycle;
import dk.clinic.booking.appointment.Placement;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Device;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Courses of appointments booked, moved and cancelled as a whole, all or nothing. Each occurrence is placed by
 * {@link Booking} and cancelled by {@link Lifecycle}, so a series member follows exactly the rules of any appointment.
 */
@ApplicationScoped
public class SeriesService {

    private final SeriesRepository repository;
    private final Booking booking;
    private final Lifecycle lifecycle;
    private final Alternatives alternatives;
    private final Appointments appointments;
    private final Bookables bookables;
    private final ClinicService clinics;
    private final RequestedCourses requestedCourses;
    private final CurrentUser user;
    private final Clock clock;
    private final int maxLength;

    SeriesService(SeriesRepository repository, Booking booking, Lifecycle lifecycle, Alternatives alternatives,
                  Appointments appointments, Bookables bookables, ClinicService clinics,
                  RequestedCourses requestedCourses, CurrentUser user, Clock clock,
                  @ConfigProperty(name = "clinic.booking.max-series-length", defaultValue = "20") int maxLength) {
        this.repository = repository;
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.alternatives = alternatives;
        this.appointments = appointments;
        this.bookables = bookables;
        this.clinics = clinics;
        this.requestedCourses = requestedCourses;
        this.user = user;
        this.clock = clock;
        this.maxLength = maxLength;
    }

    /**
     * Books every occurrence or none: when one does not fit, 409 lists every occurrence with the reason and
     * alternatives for each one that does not, and the transaction rolls back.
     */
    @Transactional
    public SeriesAppointments book(SeriesRequest request) {
        List<ClinicTime> starts = SeriesStarts.of(request, maxLength);
        Placement placement = booking.placement(request.patientId(), request.appointmentTypeId(),
                request.practitionerId(), request.roomId(), request.deviceId());
        if (request.schedulingRequestId() != null) {
            requestedCourses.claim(request.schedulingRequestId(), request.patientId(), placement.type());
        }
        AppointmentSeries series = new AppointmentSeries();
        series.id = UUID.randomUUID();
        series.patientId = request.patientId();
        series.appointmentTypeId = request.appointmentTypeId();
        series.practitionerId = request.practitionerId();
        series.intervalDays = request.interval();
        series.createdAt = clock.instant();
        series.createdBy = user.name();
        repository.persist(series);

        ClinicCalendar calendar = clinics.calendar();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String field = request.starts() == null ? "start" : "starts[" + i + "]";
            Attempt attempt = attempt(series, placement, i + 1, starts.get(i), field, request.note(), calendar);
            attempts.add(attempt);
            if (attempt.fits() && placement.device() == null && attempt.appointment().deviceId != null) {
                // a course stays on one unit: the following sessions hold the device the first one got
                placement = new Placement(placement.patientId(), placement.type(), placement.practitioner(),
                        placement.room(), bookables.require(Device.class, attempt.appointment().deviceId));
            }
        }
        if (attempts.stream().anyMatch(a -> !a.fits())) {
            throw doesNotFit(attempts);
        }
        if (request.schedulingRequestId() != null) {
            requestedCourses.booked(request.schedulingRequestId(), series.id,
                    attempts.stream().map(Attempt::appointment).toList());
        }
        attempts.forEach(a -> booking.confirm(a.appointment(), a.placement()));
        return new SeriesAppointments(series, attempts.stream().map(Attempt::appointment).toList());
    }

    public SeriesAppointments require(UUID id) {
        AppointmentSeries series = repository.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Series", id));
        return new SeriesAppointments(series, appointments.ofSeries(id));
    }

    /**
     * Moves occurrence {@code fromPosition} to {@code start} and every following booked occurrence by the same shift
     * on the wall clock, all or nothing. A refusal names the occurrence's position.
     */
    @Transactional
    public SeriesAppointments reschedule(UUID id, String ifMatch, int fromPosition, ClinicTime start, String reason) {
        SeriesAppointments locked = requireChangeable(id, ifMatch);
        Appointment first = occurrence(locked, fromPosition);
        if (first.status != AppointmentStatus.booked) {
            throw ProblemException.conflict("invalid-transition", "Not possible in this state",
                            "Occurrence " + fromPosition + " is " + first.status + " and cannot be rescheduled")
                    .with("position", fromPosition).with("currentStatus", first.status);
        }
        ClinicCalendar calendar = clinics.calendar();
        Instant firstTo = calendar.resolve("start", start);
        // a shift on the wall clock keeps each following session's weekday and local time across DST changes
        Duration shift = Duration.between(calendar.local(first.start), start.local());
        List<Appointment> moving = stillBookedFrom(locked, fromPosition);
        // moving later, the last session moves first (and the other way round), so none runs into its own next one
        List<Appointment> order = shift.isNegative() ? moving : moving.reversed();
        Map<String, Object> context = Map.of("seriesId", id, "fromPosition", fromPosition);
        for (Appointment appointment : order) {
            try {
                Instant to = appointment == first ? firstTo
                        : calendar.resolve("start", ClinicTime.of(calendar.local(appointment.start).plus(shift)));
                booking.reschedule(appointment, to, "start", reason, context);
            } catch (ProblemException refused) {
                throw refused.with("position", appointment.seriesPosition);
            }
        }
        return locked;
    }

    /** Cancels occurrence {@code fromPosition} and every following one that is still booked. */
    @Transactional
    public SeriesAppointments cancel(UUID id, String ifMatch, int fromPosition, Appointment.CancelledBy by,
                                     String reason) {
        SeriesAppointments locked = requireChangeable(id, ifMatch);
        occurrence(locked, fromPosition);
        List<Appointment> rest = stillBookedFrom(locked, fromPosition);
        if (rest.isEmpty()) {
            throw ProblemException.conflict("invalid-transition", "Nothing to cancel",
                    "No occurrence from position " + fromPosition + " on is still booked").with("position", fromPosition);
        }
        Map<String, Object> context = Map.of("seriesId", id, "fromPosition", fromPosition);
        rest.forEach(appointment -> lifecycle.cancel(appointment, by, reason, context));
        return locked;
    }

    /** Tries to hold one occurrence; its holds stay in the transaction, so the following ones cannot take them. */
    private Attempt attempt(AppointmentSeries series, Placement placement, int position, ClinicTime start,
                            String field, String note, ClinicCalendar calendar) {
        Instant at;
        try {
            at = calendar.resolve(field, start);
        } catch (ProblemException refused) {
            String reason = refused.slug().equals(ClinicCalendar.OUTSIDE_WINDOW) ? refused.slug() : "time-does-not-exist";
            return Attempt.refused(position, start, placement, calendar.resolveOrShift(start.local()), reason,
                    refused.getMessage(), null);
        }
        Appointment appointment = booking.draft(placement, at, note, series.id, position);
        try {
            booking.requireBookable(field, placement, appointment);
        } catch (ProblemException refused) {
            return Attempt.refused(position, start, placement, at, refused.slug(), refused.getMessage(), null);
        }
        return booking.hold(appointment, placement)
                .map(taken -> Attempt.refused(position, start, placement, at, "resource-taken", taken.detail(), taken))
                .orElseGet(() -> new Attempt(position, start, placement, at, appointment, null, null, null));
    }

    /**
     * 409 listing every occurrence. Alternatives are searched while the fitting occurrences still hold their time,
     * so none is offered that collides with the course's own sessions; the rollback then undoes every hold.
     */
    private ProblemException doesNotFit(List<Attempt> attempts) {
        List<OccurrenceFit> occurrences = attempts.stream().map(a -> a.fits()
                ? new OccurrenceFit(a.position(), a.localStart(), true, null, null, null, null)
                : new OccurrenceFit(a.position(), a.localStart(), false, a.reason(), a.detail(), a.conflict(),
                        alternatives.near(a.placement(), a.wanted()))).toList();
        long refused = occurrences.stream().filter(o -> !o.ok()).count();
        return ProblemException.conflict("series-does-not-fit", "The series does not fit",
                        "%d of %d occurrences cannot be booked as asked; nothing was booked"
                                .formatted(refused, occurrences.size()))
                .with("occurrences", occurrences);
    }

    /** Locks the series and its appointments, checks If-Match and counts the change in the series' version. */
    private SeriesAppointments requireChangeable(UUID id, String ifMatch) {
        AppointmentSeries series = repository.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Series", id));
        Versions.requireCurrent(ifMatch, series.version, "Series");
        repository.getEntityManager().lock(series, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        return new SeriesAppointments(series, appointments.ofSeriesForChange(id));
    }

    private static Appointment occurrence(SeriesAppointments series, int position) {
        return series.appointments().stream().filter(a -> a.seriesPosition == position).findFirst()
                .orElseThrow(() -> ProblemException.invalid("fromPosition",
                        "must be a position of this series (1 to " + series.appointments().size() + ")"));
    }

    private static List<Appointment> stillBookedFrom(SeriesAppointments series, int position) {
        return series.appointments().stream()
                .filter(a -> a.seriesPosition >= position && a.status == AppointmentStatus.booked).toList();
    }

    /** One occurrence of a series being booked: held ({@code appointment} set) or refused with the reason. */
    private record Attempt(int position, ClinicTime localStart, Placement placement, Instant wanted,
                           Appointment appointment, String reason, String detail, Conflict conflict) {

        static Attempt refused(int position, ClinicTime localStart, Placement placement, Instant wanted, String reason,
                               String detail, Conflict conflict) {
            return new Attempt(position, localStart, placement, wanted, null, reason, detail, conflict);
        }

        boolean fits() {
            return appointment != null;
        }
    }
}
