package dk.clinic.booking.appointment;

import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Device;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.bookable.Room;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.booking.patient.PatientService;
import dk.clinic.booking.workinghours.TimeRange;
import dk.clinic.booking.workinghours.WorkingHoursService;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Placing an appointment and moving it: the request is checked against the clinic's rules, and the practitioner, a room
 * and a device are held in one transaction with the appointment, its trail entry and its event. Whether a resource is
 * free is decided by the database when it is held ({@link Reservations}), never by a read beforehand.
 */
@ApplicationScoped
public class Booking {

    private final ClinicService clinics;
    private final PatientService patients;
    private final AppointmentTypeService types;
    private final Bookables bookables;
    private final WorkingHoursService hours;
    private final Reservations reservations;
    private final Appointments appointments;
    private final Trail trail;
    private final Alternatives alternatives;
    private final AppointmentEvents events;
    private final Event<TimeFreed> timeFreed;
    private final CurrentUser user;
    private final Clock clock;

    Booking(ClinicService clinics, PatientService patients, AppointmentTypeService types, Bookables bookables,
            WorkingHoursService hours, Reservations reservations, Appointments appointments, Trail trail,
            Alternatives alternatives, AppointmentEvents events, Event<TimeFreed> timeFreed, CurrentUser user,
            Clock clock) {
        this.clinics = clinics;
        this.patients = patients;
        this.types = types;
        this.bookables = bookables;
        this.hours = hours;
        this.reservations = reservations;
        this.appointments = appointments;
        this.trail = trail;
        this.alternatives = alternatives;
        this.events = events;
        this.timeFreed = timeFreed;
        this.user = user;
        this.clock = clock;
    }

    @Transactional
    public Appointment book(UUID patientId, UUID typeId, UUID practitionerId, UUID roomId, UUID deviceId,
                            ClinicTime start, String note) {
        Placement placement = placement(patientId, typeId, practitionerId, roomId, deviceId);
        Appointment appointment = draft(placement, clinics.calendar().resolve("start", start), note, null, null);
        requireBookable("start", placement, appointment);
        hold(appointment, placement).ifPresent(conflict -> {
            throw alternatives.taken(conflict, placement, appointment.start);
        });
        confirm(appointment, placement);
        return appointment;
    }

    /** Checks every reference in a booking request; 422 naming the field when one is wrong. */
    public Placement placement(UUID patientId, UUID typeId, UUID practitionerId, UUID roomId, UUID deviceId) {
        patients.requireReference("patientId", patientId);
        AppointmentType type = types.requireActiveReference("appointmentTypeId", typeId);
        Practitioner practitioner = bookables.requireDelivering("practitionerId", practitionerId, type.modality);
        Room room = roomId == null ? null : bookables.requireActiveReference(Room.class, "roomId", roomId);
        if (room != null && !room.roomKind.equals(type.roomKind)) {
            throw ProblemException.invalid("roomId", type.roomKind == null ? "is not needed for " + type.code
                    : "must be a " + type.roomKind + " room");
        }
        Device device = deviceId == null ? null : bookables.requireActiveReference(Device.class, "deviceId", deviceId);
        if (device != null && !device.deviceKind.equals(type.deviceKind)) {
            throw ProblemException.invalid("deviceId", type.deviceKind == null ? "is not needed for " + type.code
                    : "must be a " + type.deviceKind + " device");
        }
        return new Placement(patientId, type, practitioner, room, device);
    }

    /** A new, unsaved appointment for the placement at {@code start}. */
    public Appointment draft(Placement placement, Instant start, String note, UUID seriesId, Integer seriesPosition) {
        Instant now = clock.instant();
        Appointment appointment = new Appointment();
        appointment.id = UUID.randomUUID();
        appointment.patientId = placement.patientId();
        appointment.appointmentTypeId = placement.type().id;
        appointment.practitionerId = placement.practitioner().id;
        appointment.start = start;
        appointment.end = start.plus(placement.type().duration());
        appointment.status = AppointmentStatus.booked;
        appointment.note = note;
        appointment.seriesId = seriesId;
        appointment.seriesPosition = seriesPosition;
        appointment.createdAt = now;
        appointment.createdBy = user.name();
        appointment.updatedAt = now;
        appointment.updatedBy = appointment.createdBy;
        return appointment;
    }

    /** The appointment must lie in the future and inside the practitioner's working time. */
    public void requireBookable(String field, Placement placement, Appointment appointment) {
        if (!appointment.start.isAfter(clock.instant())) {
            throw new ProblemException(422, "in-the-past", "The time has passed", "Appointments are booked ahead")
                    .field(field, "is in the past");
        }
        if (!hours.works(placement.practitioner().id, new TimeRange(appointment.start, appointment.end))) {
            throw new ProblemException(422, "outside-working-hours", "Outside working hours",
                    placement.practitioner().name + " does not work at "
                            + clinics.calendar().clinicTime(appointment.start) + " for "
                            + placement.type().durationMinutes + " minutes")
                    .field(field, "is outside " + placement.practitioner().name + "'s working hours");
        }
    }

    /**
     * Holds what the appointment needs, in the caller's transaction; the holds stay with it, so the next occurrence of
     * a series cannot take them. @return the taken resource when a hold was refused
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Conflict> hold(Appointment appointment, Placement placement) {
        return reservations.place(appointment, placement);
    }

    /**
     * Saves an appointment that {@link #hold held} what it needs, records "booked" in its trail and announces it, in the
     * caller's transaction (one of several, e.g. a series).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirm(Appointment appointment, Placement placement) {
        appointments.save(appointment);
        trail.record(appointment, "booked", Trail.details("start", appointment.start, "practitionerId",
                appointment.practitionerId, "seriesId", appointment.seriesId, "seriesPosition",
                appointment.seriesPosition));
        events.booked(appointment, placement.type());
    }

    @Transactional
    public Appointment reschedule(UUID id, String ifMatch, ClinicTime start, String reason) {
        Appointment appointment = appointments.lockForChange(id, ifMatch, EnumSet.of(AppointmentStatus.booked),
                "rescheduled");
        reschedule(appointment, clinics.calendar().resolve("start", start), "start", reason, Map.of());
        return appointment;
    }

    /**
     * Moves a booked appointment in the caller's transaction (one of several, e.g. the rest of a series): drops its
     * holds and holds again at {@code start}, keeping its room and device when they are free, with its trail entry and
     * event; {@code context} joins the trail entry's details. 409 with alternatives when something is taken.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reschedule(Appointment appointment, Instant start, String field, String reason, Map<String, ?> context) {
        Placement placement = new Placement(appointment.patientId, types.require(appointment.appointmentTypeId),
                bookables.require(Practitioner.class, appointment.practitionerId),
                appointment.roomId == null ? null : bookables.require(Room.class, appointment.roomId),
                appointment.deviceId == null ? null : bookables.require(Device.class, appointment.deviceId));
        Instant previousStart = appointment.start;
        Instant previousEnd = appointment.end;
        appointments.touch(appointment);
        appointment.start = start;
        appointment.end = start.plus(placement.type().duration());
        appointment.reminderSentAt = null; // a reminder already sent named the old time
        reservations.drop(appointment.id);
        requireBookable(field, placement, appointment);
        hold(appointment, placement).ifPresent(conflict -> {
            throw alternatives.taken(conflict, placement, start);
        });
        appointments.flush(); // the new version goes into the event and the ETag
        Map<String, Object> details = Trail.details("from", previousStart, "to", appointment.start, "reason", reason);
        details.putAll(context);
        trail.record(appointment, "rescheduled", details);
        events.rescheduled(appointment, placement.type(), previousStart);
        timeFreed.fire(new TimeFreed(appointment.appointmentTypeId, appointment.practitionerId, previousStart,
                previousEnd));
    }
}
