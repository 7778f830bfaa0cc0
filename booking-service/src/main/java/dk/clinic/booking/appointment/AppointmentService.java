package dk.clinic.booking.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.clinic.Clinic;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.booking.patient.PatientService;
import dk.clinic.booking.resource.BookableResource;
import dk.clinic.booking.resource.Device;
import dk.clinic.booking.resource.Practitioner;
import dk.clinic.booking.resource.ResourceService;
import dk.clinic.booking.resource.Room;
import dk.clinic.booking.schedule.ScheduleService;
import dk.clinic.booking.schedule.TimeRange;
import dk.clinic.booking.slot.Slot;
import dk.clinic.booking.slot.SlotFinder;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Where booking is decided. Every change to an appointment goes through here: it checks the request against the
 * clinic's rules, holds or releases the resources, writes the audit trail and records the event, in one
 * transaction. Whether a resource is free is decided by the database when it is held, never by a read beforehand.
 */
@ApplicationScoped
public class AppointmentService implements PanacheRepositoryBase<Appointment, UUID> {

    private static final int ALTERNATIVES = 3;
    private static final int ALTERNATIVES_WITHIN_DAYS = 14;
    /** Arrival and fulfilment are recorded on the day: not earlier than this before the start. */
    static final Duration VISIT_RECORDED_FROM = Duration.ofHours(24);

    private final ClinicService clinics;
    private final PatientService patients;
    private final AppointmentTypeService types;
    private final ResourceService resources;
    private final ScheduleService schedule;
    private final SlotFinder slots;
    private final Reservations reservations;
    private final AppointmentEvents events;
    private final Event<TimeFreed> timeFreed;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Clock clock;

    AppointmentService(ClinicService clinics, PatientService patients, AppointmentTypeService types,
                       ResourceService resources, ScheduleService schedule, SlotFinder slots,
                       Reservations reservations, AppointmentEvents events, Event<TimeFreed> timeFreed,
                       CurrentUser user, ObjectMapper json, Clock clock) {
        this.clinics = clinics;
        this.patients = patients;
        this.types = types;
        this.resources = resources;
        this.schedule = schedule;
        this.slots = slots;
        this.reservations = reservations;
        this.events = events;
        this.timeFreed = timeFreed;
        this.user = user;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Appointment book(UUID patientId, UUID typeId, UUID practitionerId, UUID roomId, UUID deviceId,
                            ClinicTime start, String note) {
        Placement placement = placement(patientId, typeId, practitionerId, roomId, deviceId);
        Instant at = clinics.calendar().resolve("start", start);
        Appointment appointment = draft(placement, at, note, null, null);
        requireBookable("start", placement, appointment);
        place(appointment, placement).ifPresent(conflict -> {
            throw taken(conflict, placement, appointment.start);
        });
        confirm(appointment, placement);
        return appointment;
    }

    /**
     * Saves an appointment that {@link #place placed} its holds, records "booked" in its trail and announces it, in
     * the caller's transaction (one of several, e.g. a series).
     */
    public void confirm(Appointment appointment, Placement placement) {
        persistAndFlush(appointment);
        record(appointment, "booked", details("start", appointment.start, "practitionerId", appointment.practitionerId,
                "seriesId", appointment.seriesId, "seriesPosition", appointment.seriesPosition));
        events.booked(appointment, placement.type());
    }

    /** Checks every reference in a booking request; 422 naming the field when one is wrong. */
    public Placement placement(UUID patientId, UUID typeId, UUID practitionerId, UUID roomId, UUID deviceId) {
        if (patientId == null || patients.findByIdOptional(patientId).isEmpty()) {
            throw ProblemException.unknownReference("patientId", "Patient", patientId);
        }
        AppointmentType type = types.requireActiveReference("appointmentTypeId", typeId);
        Practitioner practitioner = resources.requireActiveReference(Practitioner.class, "practitionerId", practitionerId);
        if (!practitioner.delivers(type.modality)) {
            throw new ProblemException(422, "cannot-deliver", "The practitioner does not deliver this treatment",
                    practitioner.name + " does not deliver " + type.modality)
                    .field("practitionerId", "does not deliver " + type.modality);
        }
        Room room = roomId == null ? null : resources.requireActiveReference(Room.class, "roomId", roomId);
        if (room != null && !room.roomKind.equals(type.roomKind)) {
            throw ProblemException.invalid("roomId", type.roomKind == null ? "is not needed for " + type.code
                    : "must be a " + type.roomKind + " room");
        }
        Device device = deviceId == null ? null : resources.requireActiveReference(Device.class, "deviceId", deviceId);
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
        if (!schedule.works(placement.practitioner().id, new TimeRange(appointment.start, appointment.end))) {
            ClinicTime local = clinics.calendar().clinicTime(appointment.start);
            throw new ProblemException(422, "outside-working-hours", "Outside working hours",
                    placement.practitioner().name + " does not work at " + local + " for "
                            + placement.type().durationMinutes + " minutes")
                    .field(field, "is outside " + placement.practitioner().name + "'s working hours");
        }
    }

    /**
     * Holds the practitioner, a room and a device for the appointment, buffers included, and records which room and
     * device it got. The chosen room and device are kept when given; otherwise the first free one of the kind is
     * taken. When something is taken, every hold of this attempt is undone, so alternatives can be searched.
     *
     * @return the taken resource when a hold was refused (the caller's transaction must then fail)
     */
    public Optional<Conflict> place(Appointment appointment, Placement placement) {
        Optional<Conflict> conflict = holdAll(appointment, placement);
        if (conflict.isPresent()) {
            reservations.drop(appointment.id);
        }
        return conflict;
    }

    private Optional<Conflict> holdAll(Appointment appointment, Placement placement) {
        AppointmentType type = placement.type();
        TimeRange held = new TimeRange(appointment.start, appointment.end).widen(type.bufferBefore(), type.bufferAfter());
        Practitioner practitioner = placement.practitioner();
        if (!reservations.hold(appointment.id, practitioner.id, held)) {
            return Optional.of(new Conflict("practitioner", practitioner.id, practitioner.name,
                    practitioner.name + " is booked at that time"));
        }
        if (type.roomKind != null) {
            Optional<BookableResource> room = holdOne(appointment, held, placement.room(),
                    resources.activeRooms(type.roomKind));
            if (room.isEmpty()) {
                return Optional.of(missing("room", placement.room(), "No " + type.roomKind + " room is free then"));
            }
            appointment.roomId = room.get().id;
        }
        if (type.deviceKind != null) {
            Optional<BookableResource> device = holdOne(appointment, held, placement.device(),
                    resources.activeDevices(type.deviceKind));
            if (device.isEmpty()) {
                return Optional.of(missing("device", placement.device(), "No " + type.deviceKind + " device is free then"));
            }
            appointment.deviceId = device.get().id;
        }
        return Optional.empty();
    }

    /** 409 naming the taken resource, with the next free times for the same practitioner. */
    public ProblemException taken(Conflict conflict, Placement placement, Instant wanted) {
        return ProblemException.conflict("resource-taken", "The " + conflict.kind() + " is taken", conflict.detail())
                .with("resource", conflict)
                .with("alternatives", alternatives(placement, wanted));
    }

    public List<Slot> alternatives(Placement placement, Instant wanted) {
        ClinicCalendar calendar = clinics.calendar();
        LocalDate from = calendar.local(wanted).toLocalDate();
        Instant now = clock.instant();
        Instant notBefore = wanted.isAfter(now) ? wanted : now;
        return slots.find(placement.type(), from, from.plusDays(ALTERNATIVES_WITHIN_DAYS), placement.practitioner(),
                null, notBefore, ALTERNATIVES);
    }

    @Transactional
    public Appointment reschedule(UUID id, String ifMatch, ClinicTime start, String reason) {
        Appointment appointment = requireChangeable(id, ifMatch, EnumSet.of(AppointmentStatus.booked), "rescheduled");
        rescheduleInTransaction(appointment, clinics.calendar().resolve("start", start), "start", reason, Map.of());
        return appointment;
    }

    /**
     * Moves a booked appointment in the caller's transaction (one of several, e.g. the rest of a series), with its
     * trail entry and event; {@code context} joins the trail entry's details.
     */
    public void rescheduleInTransaction(Appointment appointment, Instant start, String field, String reason,
                                        Map<String, ?> context) {
        Placement placement = new Placement(appointment.patientId, types.require(appointment.appointmentTypeId),
                resources.require(Practitioner.class, appointment.practitionerId),
                appointment.roomId == null ? null : resources.require(Room.class, appointment.roomId),
                appointment.deviceId == null ? null : resources.require(Device.class, appointment.deviceId));
        Instant previousStart = appointment.start;
        Instant previousEnd = appointment.end;
        touch(appointment);
        moveTo(appointment, placement, start, field);
        flush(); // the new version goes into the event and the ETag
        Map<String, Object> details = details("from", previousStart, "to", appointment.start, "reason", reason);
        details.putAll(context);
        record(appointment, "rescheduled", details);
        events.rescheduled(appointment, placement.type(), previousStart);
        timeFreed.fire(new TimeFreed(appointment.appointmentTypeId, appointment.practitionerId, previousStart, previousEnd));
    }

    /**
     * Moves a booked appointment in the caller's transaction: drops its holds and holds again at {@code start},
     * keeping its room and device when they are free. Throws 409 with alternatives when something is taken.
     */
    public void moveTo(Appointment appointment, Placement placement, Instant start, String field) {
        appointment.start = start;
        appointment.end = start.plus(placement.type().duration());
        appointment.reminderSentAt = null; // a reminder already sent named the old time
        reservations.drop(appointment.id);
        requireBookable(field, placement, appointment);
        place(appointment, placement).ifPresent(conflict -> {
            throw taken(conflict, placement, start);
        });
    }

    @Transactional
    public Appointment cancel(UUID id, String ifMatch, Appointment.CancelledBy by, String reason) {
        Appointment appointment = requireChangeable(id, ifMatch, EnumSet.of(AppointmentStatus.booked), "cancelled");
        cancelInTransaction(appointment, by, reason);
        return appointment;
    }

    /** Cancels a booked appointment in the caller's transaction (one of several, e.g. the rest of a series). */
    public void cancelInTransaction(Appointment appointment, Appointment.CancelledBy by, String reason) {
        cancelInTransaction(appointment, by, reason, Map.of());
    }

    /** As {@link #cancelInTransaction(Appointment, Appointment.CancelledBy, String)}; {@code context} joins the trail entry. */
    public void cancelInTransaction(Appointment appointment, Appointment.CancelledBy by, String reason,
                                    Map<String, ?> context) {
        Clinic clinic = clinics.current();
        Instant now = clock.instant();
        touch(appointment);
        appointment.status = AppointmentStatus.cancelled;
        appointment.cancelledBy = by;
        appointment.cancellationReason = reason;
        appointment.lateCancellation = by == Appointment.CancelledBy.patient
                && now.isAfter(appointment.start.minus(clinic.lateCancellationNotice()));
        reservations.release(appointment.id);
        flush();
        Map<String, Object> details = details("by", by, "reason", reason, "late", appointment.lateCancellation);
        details.putAll(context);
        record(appointment, "cancelled", details);
        events.changed("cancelled", appointment, types.require(appointment.appointmentTypeId));
        if (appointment.start.isAfter(now)) {
            timeFreed.fire(new TimeFreed(appointment.appointmentTypeId, appointment.practitionerId,
                    appointment.start, appointment.end));
        }
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
            timeFreed.fire(new TimeFreed(appointment.appointmentTypeId, appointment.practitionerId,
                    appointment.start, appointment.end));
        }
        return appointment;
    }

    public Appointment require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appointment", id));
    }

    public List<AppointmentHistory> history(UUID id) {
        require(id);
        return getEntityManager()
                .createQuery("from AppointmentHistory where appointmentId = :id order by id", AppointmentHistory.class)
                .setParameter("id", id).getResultList();
    }

    private Appointment advance(UUID id, String ifMatch, Set<AppointmentStatus> from, AppointmentStatus to,
                                Consumer<Appointment> timeRule) {
        Appointment appointment = requireChangeable(id, ifMatch, from, to.name());
        timeRule.accept(appointment);
        touch(appointment);
        appointment.status = to;
        flush();
        record(appointment, to.name(), Map.of());
        events.changed(to.name(), appointment, types.require(appointment.appointmentTypeId));
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

    private Appointment requireChangeable(UUID id, String ifMatch, Set<AppointmentStatus> from, String becoming) {
        Appointment appointment = findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Appointment", id));
        Versions.requireCurrent(ifMatch, appointment.version, "Appointment");
        if (!from.contains(appointment.status)) {
            throw ProblemException.conflict("invalid-transition", "Not possible in this state",
                    "A " + appointment.status + " appointment cannot be " + becoming)
                    .with("currentStatus", appointment.status);
        }
        return appointment;
    }

    private Optional<BookableResource> holdOne(Appointment appointment, TimeRange held, BookableResource chosen,
                                               List<? extends BookableResource> candidates) {
        List<? extends BookableResource> tries = chosen != null ? List.of(chosen) : candidates;
        for (BookableResource candidate : tries) {
            if (reservations.hold(appointment.id, candidate.id, held)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Conflict missing(String kind, BookableResource chosen, String detail) {
        return chosen == null ? new Conflict(kind, null, null, detail)
                : new Conflict(kind, chosen.id, chosen.name, chosen.name + " is booked at that time");
    }

    /** Stamps who changed the appointment; call before anything flushes, so a change raises the version once. */
    private void touch(Appointment appointment) {
        appointment.updatedAt = clock.instant();
        appointment.updatedBy = user.name();
    }

    public void record(Appointment appointment, String action, Map<String, ?> details) {
        AppointmentHistory entry = new AppointmentHistory();
        entry.appointmentId = appointment.id;
        entry.at = clock.instant();
        entry.by = user.name();
        entry.action = action;
        try {
            entry.details = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        getEntityManager().persist(entry);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }
}
