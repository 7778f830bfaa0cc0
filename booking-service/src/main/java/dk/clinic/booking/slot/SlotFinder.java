package dk.clinic.booking.slot;

import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.bookable.Bookable;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.Clinic;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.workinghours.TimeRange;
import dk.clinic.booking.workinghours.WorkingHoursService;
import dk.clinic.platform.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds start times at which an appointment type's practitioner, room and device are all free, buffers included,
 * inside working time. It reads: only the database's exclusion constraint decides a booking.
 */
@ApplicationScoped
public class SlotFinder {

    private final EntityManager entityManager;
    private final ClinicService clinics;
    private final Bookables bookables;
    private final WorkingHoursService schedule;
    private final Clock clock;

    SlotFinder(EntityManager entityManager, ClinicService clinics, Bookables bookables, WorkingHoursService schedule,
               Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.clinics = clinics;
        this.bookables = bookables;
        this.schedule = schedule;
    }

    /**
     * @param practitioner  only this practitioner, or null for everyone who delivers the type's modality
     * @param preferred     whose slots come first (the patient's previous practitioner), or null
     * @param notBefore     no slot starts earlier (e.g. now, or the time a conflict was about)
     */
    public List<Slot> find(AppointmentType type, LocalDate from, LocalDate to, Practitioner practitioner,
                           UUID preferred, Instant notBefore, int limit) {
        List<Practitioner> practitioners = practitioner != null
                ? (practitioner.delivers(type.modality) ? List.of(practitioner) : List.of())
                : bookables.practitionersDelivering(type.modality);
        List<? extends Bookable> rooms = type.roomKind == null ? null : bookables.activeRooms(type.roomKind);
        List<? extends Bookable> devices = type.deviceKind == null ? null : bookables.activeDevices(type.deviceKind);
        if (practitioners.isEmpty() || (rooms != null && rooms.isEmpty()) || (devices != null && devices.isEmpty())) {
            return List.of();
        }
        Clinic clinic = clinics.current();
        ClinicCalendar calendar = clinics.calendar();
        Map<UUID, List<TimeRange>> working = schedule.workingTime(
                practitioners.stream().map(p -> p.id).toList(), from, to);

        List<UUID> all = new ArrayList<>();
        practitioners.forEach(p -> all.add(p.id));
        if (rooms != null) {
            rooms.forEach(r -> all.add(r.id));
        }
        if (devices != null) {
            devices.forEach(d -> all.add(d.id));
        }
        Duration widest = type.bufferBefore().plus(type.bufferAfter()).plus(type.duration());
        Map<UUID, List<TimeRange>> busy = busy(all,
                calendar.startOfDay(from).minus(widest), calendar.startOfDay(to.plusDays(1)).plus(widest));

        List<SlotGrid.Candidate> candidates = practitioners.stream()
                .map(p -> new SlotGrid.Candidate(p.id, p.name, working.getOrDefault(p.id, List.of()))).toList();
        return new SlotGrid(calendar, clinic.slotStepMinutes).slots(
                new SlotGrid.Need(type.duration(), type.bufferBefore(), type.bufferAfter()), candidates,
                ids(rooms), ids(devices), busy, notBefore, preferred, limit);
    }

    private static List<UUID> ids(List<? extends Bookable> bookables) {
        return bookables == null ? null : bookables.stream().map(b -> b.id).toList();
    }

    /** The practitioner who last saw the patient and delivers the modality, if any. */
    public Optional<UUID> previousPractitioner(UUID patientId, String modality) {
        return entityManager.createNativeQuery("""
                        select a.practitioner_id from appointment a
                        join practitioner_modality m on m.practitioner_id = a.practitioner_id and m.modality = :modality
                        where a.patient_id = :patient and a.status in ('booked', 'arrived', 'fulfilled')
                          and a.starts_at < :now
                        order by a.starts_at desc limit 1""", UUID.class)
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .setParameter("patient", patientId).setParameter("modality", modality)
                .getResultStream().findFirst().map(UUID.class::cast);
    }

    private Map<UUID, List<TimeRange>> busy(List<UUID> resourceIds, Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select resource_id, lower(during), upper(during) from reservation
                        where active and resource_id in (:ids) and during && tstzrange(:from, :to)
                        order by resource_id, lower(during)""")
                .setParameter("ids", resourceIds)
                .setParameter("from", from.atOffset(ZoneOffset.UTC))
                .setParameter("to", to.atOffset(ZoneOffset.UTC))
                .getResultList();
        Map<UUID, List<TimeRange>> busy = new HashMap<>();
        for (Object[] row : rows) {
            busy.computeIfAbsent((UUID) row[0], k -> new ArrayList<>())
                    .add(new TimeRange(SqlValues.instant(row[1]), SqlValues.instant(row[2])));
        }
        return busy;
    }
}
