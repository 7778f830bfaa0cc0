package dk.clinic.booking.appointment;

import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What happens to a booked appointment: the patient arrives and is seen, does not come, or cancels (late inside the
 * clinic's notice). Each change needs If-Match, writes the trail and publishes an event; freed time goes to the
 * waitlist.
 */
@ApplicationScoped
public class Lifecycle {

    /** Arrival and fulfilment are recorded on the day: not earlier than this before the start. */
    static final Duration VISIT_RECORDED_FROM = Duration.ofHours(24);

    private final Appointments appointments;
    private final Reservations reservations;
    private final Trail trail;
    private final AppointmentEvents events;
    private final AppointmentTypeService types;
    private final ClinicService clinics;
    private final Event<TimeFreed> timeFreed;
    private final Clock clock;

    Lifecycle(Appointments appointments, Reservations reservations, Trail trail, AppointmentEvents events,
              AppointmentTypeService types, ClinicService clinics, Event<TimeFreed> timeFreed, Clock clock) {
        this.appointments = appointments;
        this.reservations = reservations;
        this.trail = trail;
        this.events = events;
        this.types = types;
        this.clinics = clinics;
        this.timeFreed = timeFreed;
        this.clock = clock;
    }

    @Transactional
    public Appointment arrive(UUID id, String ifMatch) {
        return advance(id, ifMatch, EnumSet.of(AppointmentStatus.booked), AppointmentStatus.arrived,
                this::requireVisitDue);
    }

    @Transactional
    public Appointment fulfil(UUID id, String ifMatch) {
        return advance(id, ifMatch, EnumSet.of(AppointmentStatus.booked, AppointmentStatus.arrived),
                AppointmentStatus.fulfilled, this::requireVisitDue);
    }

    @Transactional
    public Appointment noShow(UUID id, String ifMatch) {
        Appointment appointment = advance(id, ifMatch, EnumSet.of(AppointmentStatus.booked), AppointmentStatus.noshow,
                this::requireStarted);
        reservations.release(appointment.id);
        if (appointment.end.isAfter(clock.instant())) {
            freed(appointment);
        }
        return appointment;
    }

    @Transactional
    public Appointment cancel(UUID id, String ifMatch, Appointment.CancelledBy by, String reason) {
        Appointment appointment = appointments.lockForChange(id, ifMatch, EnumSet.of(AppointmentStatus.booked),
                "cancelled");
        cancel(appointment, by, reason, Map.of());
        return appointment;
    }

    /**
     * Cancels a booked appointment in the caller's transaction (one of several, e.g. the rest of a series);
     * {@code context} joins the trail entry's details.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Appointment appointment, Appointment.CancelledBy by, String reason, Map<String, ?> context) {
        Instant now = clock.instant();
        appointments.touch(appointment);
        appointment.status = AppointmentStatus.cancelled;
        appointment.cancelledBy = by;
        appointment.cancellationReason = reason;
        appointment.lateCancellation = by == Appointment.CancelledBy.patient
                && now.isAfter(appointment.start.minus(clinics.current().lateCancellationNotice()));
        reservations.release(appointment.id);
        appointments.flush();
        Map<String, Object> details = Trail.details("by", by, "reason", reason, "late", appointment.lateCancellation);
        details.putAll(context);
        trail.record(appointment, "cancelled", details);
        events.reached(AppointmentStatus.cancelled, appointment, types.require(appointment.appointmentTypeId));
        if (appointment.start.isAfter(now)) {
            freed(appointment);
        }
    }

    /**
     * Marks a booked appointment for the reception to act on, e.g. {@code plan_closed}: its plan ended, and the session
     * is not needed. Nothing is cancelled for the patient without the reception.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flag(Appointment appointment, String flag, String reason) {
        appointment.flag = flag;
        appointment.flagReason = reason;
        trail.record(appointment, "flagged", Map.of("flag", flag, "reason", reason));
    }

    private Appointment advance(UUID id, String ifMatch, Set<AppointmentStatus> from, AppointmentStatus to,
                                Consumer<Appointment> timeRule) {
        Appointment appointment = appointments.lockForChange(id, ifMatch, from, to.name());
        timeRule.accept(appointment);
        appointments.touch(appointment);
        appointment.status = to;
        appointments.flush();
        trail.record(appointment, to.name(), Map.of());
        events.reached(to, appointment, types.require(appointment.appointmentTypeId));
        return appointment;
    }

    /** A patient arrives and is seen on the day, not a week ahead by mistake. */
    private void requireVisitDue(Appointment appointment) {
        if (appointment.start.isAfter(clock.instant().plus(VISIT_RECORDED_FROM))) {
            throw ProblemException.conflict("too-early", "The appointment is not due yet",
                    "An arrival or a visit is recorded from " + VISIT_RECORDED_FROM.toHours()
                            + " hours before the start, at " + clinics.calendar().clinicTime(appointment.start));
        }
    }

    /** Only an appointment that has begun can be missed. */
    private void requireStarted(Appointment appointment) {
        if (appointment.start.isAfter(clock.instant())) {
            throw ProblemException.conflict("not-started", "The appointment has not started",
                    "A no-show is recorded once the start, " + clinics.calendar().clinicTime(appointment.start)
                            + ", has passed");
        }
    }

    private void freed(Appointment appointment) {
        timeFreed.fire(new TimeFreed(appointment.appointmentTypeId, appointment.practitionerId, appointment.start,
                appointment.end));
    }
}
