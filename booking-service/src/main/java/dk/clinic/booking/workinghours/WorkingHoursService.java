package dk.clinic.booking.workinghours;

import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.persistence.SqlValues;
import dk.clinic.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * When practitioners work: weekly hours in local time with breaks, dated absences and extra hours, and days the
 * clinic is closed. {@link #workingTime} turns all of it into instants for any period, day by day in the clinic's
 * zone, so a weekly 09:00 stays 09:00 on both sides of a daylight-saving change.
 */
@ApplicationScoped
public class WorkingHoursService {

    /** An absence may last a year (long sick leave); extra hours are recorded day by day. */
    static final Duration LONGEST_ABSENCE = Duration.ofDays(366);
    static final Duration LONGEST_EXTRA_HOURS = Duration.ofDays(1);
    /** A closure is days or weeks (holidays, a move); a longer one is a typo. */
    static final int LONGEST_CLOSURE_DAYS = 92;

    private final EntityManager entityManager;
    private final ClinicService clinics;
    private final Bookables bookables;

    WorkingHoursService(EntityManager entityManager, ClinicService clinics, Bookables bookables) {
        this.entityManager = entityManager;
        this.clinics = clinics;
        this.bookables = bookables;
    }

    @Transactional
    public WeeklyHours replaceWeeklyHours(UUID practitionerId, WeeklyHours hours) {
        bookables.require(Practitioner.class, practitionerId);
        validate(hours);
        // the practitioner row is locked so two admins replacing one week do not interleave
        entityManager.createNativeQuery("select 1 from resource where id = :id for update")
                .setParameter("id", practitionerId).getSingleResult();
        for (String table : List.of("weekly_hours", "weekly_break")) {
            entityManager.createNativeQuery("delete from " + table + " where practitioner_id = :id")
                    .setParameter("id", practitionerId).executeUpdate();
        }
        for (WeeklyHours.Day day : hours.days()) {
            insert("weekly_hours", practitionerId, day.weekday(), day.start(), day.end());
            for (WeeklyHours.Period pause : day.breaksOrNone()) {
                insert("weekly_break", practitionerId, day.weekday(), pause.start(), pause.end());
            }
        }
        return weeklyHours(practitionerId);
    }

    public WeeklyHours weeklyHours(UUID practitionerId) {
        bookables.require(Practitioner.class, practitionerId);
        List<WeeklyHours.Day> days = new ArrayList<>();
        List<Tuple> breaks = periods("weekly_break", List.of(practitionerId));
        for (Tuple period : periods("weekly_hours", List.of(practitionerId))) {
            DayOfWeek weekday = DayOfWeek.of(period.get("weekday", Number.class).intValue());
            LocalTime start = period.get("starts", LocalTime.class);
            LocalTime end = period.get("ends", LocalTime.class);
            List<WeeklyHours.Period> inside = breaks.stream()
                    .filter(b -> b.get("weekday", Number.class).intValue() == weekday.getValue())
                    .map(b -> new WeeklyHours.Period(b.get("starts", LocalTime.class),
                            b.get("ends", LocalTime.class)))
                    .filter(b -> !b.start().isBefore(start) && !b.end().isAfter(end))
                    .toList();
            days.add(new WeeklyHours.Day(weekday, start, end, inside));
        }
        return new WeeklyHours(days);
    }

    @Transactional
    public AvailabilityException addException(UUID practitionerId, AvailabilityException.Kind kind, ClinicTime start,
                                              ClinicTime end, String reason) {
        bookables.requireActiveReference(Practitioner.class, "practitionerId", practitionerId);
        ClinicCalendar calendar = clinics.calendar();
        AvailabilityException exception = new AvailabilityException();
        exception.id = UUID.randomUUID();
        exception.practitionerId = practitionerId;
        exception.kind = kind;
        exception.start = calendar.resolve("start", start);
        exception.end = calendar.resolve("end", end);
        calendar.requireWithin("start", start.local().toLocalDate());
        if (!exception.end.isAfter(exception.start)) {
            throw ProblemException.invalid("end", "must be after start");
        }
        Duration length = Duration.between(exception.start, exception.end);
        if (kind == AvailabilityException.Kind.absence && length.compareTo(LONGEST_ABSENCE) > 0) {
            throw ProblemException.invalid("end", "must be at most " + LONGEST_ABSENCE.toDays() + " days after start");
        }
        if (kind == AvailabilityException.Kind.extra && length.compareTo(LONGEST_EXTRA_HOURS) > 0) {
            throw ProblemException.invalid("end", "must be at most " + LONGEST_EXTRA_HOURS.toHours()
                    + " hours after start: record extra hours day by day");
        }
        exception.reason = reason;
        entityManager.persist(exception);
        return exception;
    }

    public List<AvailabilityException> exceptions(UUID practitionerId, Instant from, Instant to) {
        return entityManager.createQuery("""
                        from AvailabilityException
                        where practitionerId in :ids and start < :to and end > :from order by start""",
                        AvailabilityException.class)
                .setParameter("ids", List.of(practitionerId)).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    @Transactional
    public void removeException(UUID exceptionId) {
        int removed = entityManager.createQuery("delete from AvailabilityException where id = :id")
                .setParameter("id", exceptionId).executeUpdate();
        if (removed == 0) {
            throw ProblemException.notFound("Availability exception", exceptionId);
        }
    }

    @Transactional
    public ClinicClosure addClosure(LocalDate firstDay, LocalDate lastDay, String reason) {
        if (lastDay.isBefore(firstDay)) {
            throw ProblemException.invalid("lastDay", "must not be before firstDay");
        }
        ClinicCalendar calendar = clinics.calendar();
        calendar.requireWithin("firstDay", firstDay);
        calendar.requireWithin("lastDay", lastDay);
        if (firstDay.plusDays(LONGEST_CLOSURE_DAYS).isBefore(lastDay)) {
            throw ProblemException.invalid("lastDay", "must be at most " + LONGEST_CLOSURE_DAYS + " days after firstDay");
        }
        ClinicClosure closure = new ClinicClosure();
        closure.id = UUID.randomUUID();
        closure.firstDay = firstDay;
        closure.lastDay = lastDay;
        closure.reason = reason.trim();
        entityManager.persist(closure);
        return closure;
    }

    public List<ClinicClosure> closures(LocalDate from, LocalDate to) {
        return entityManager.createQuery(
                        "from ClinicClosure where lastDay >= :from and firstDay <= :to order by firstDay", ClinicClosure.class)
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    @Transactional
    public void removeClosure(UUID id) {
        if (entityManager.createQuery("delete from ClinicClosure where id = :id").setParameter("id", id)
                .executeUpdate() == 0) {
            throw ProblemException.notFound("Clinic closure", id);
        }
    }

    /**
     * The time each practitioner works between the local days {@code from} and {@code to} (inclusive), by the rule
     * of {@link WorkingTime}: weekly hours less breaks, plus extra hours, less absences, nothing on closed days.
     */
    public Map<UUID, List<TimeRange>> workingTime(Collection<UUID> practitioners, LocalDate from, LocalDate to) {
        Map<UUID, List<TimeRange>> working = new HashMap<>();
        if (practitioners.isEmpty()) {
            return working;
        }
        ClinicCalendar calendar = clinics.calendar();
        Map<UUID, WorkingTime> rules = rules(practitioners, from, to, calendar);
        for (UUID practitioner : practitioners) {
            working.put(practitioner, rules.get(practitioner).between(from, to, calendar));
        }
        return working;
    }

    /**
     * Everything that decides working time over the period, in one round trip: the practitioners' weekly hours and
     * breaks, their absences and extra hours that touch the period, and the clinic's closures.
     */
    private Map<UUID, WorkingTime> rules(Collection<UUID> practitioners, LocalDate from, LocalDate to,
                                         ClinicCalendar calendar) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select 'hours', practitioner_id, weekday, starts, ends,
                               null::timestamptz, null::timestamptz, null::varchar, null::date, null::date
                          from weekly_hours where practitioner_id in (:ids)
                        union all
                        select 'break', practitioner_id, weekday, starts, ends, null, null, null, null, null
                          from weekly_break where practitioner_id in (:ids)
                        union all
                        select 'exception', practitioner_id, null, null, null, starts_at, ends_at, kind, null, null
                          from availability_exception
                         where practitioner_id in (:ids) and starts_at < :periodEnd and ends_at > :periodStart
                        union all
                        select 'closure', null, null, null, null, null, null, null, first_day, last_day
                          from clinic_closure where last_day >= :from and first_day <= :to""")
                .setParameter("ids", practitioners)
                .setParameter("periodStart", calendar.startOfDay(from))
                .setParameter("periodEnd", calendar.startOfDay(to.plusDays(1)))
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        Map<UUID, List<WorkingTime.Weekly>> hours = new HashMap<>();
        Map<UUID, List<WorkingTime.Weekly>> breaks = new HashMap<>();
        Map<UUID, List<WorkingTime.Dated>> exceptions = new HashMap<>();
        List<WorkingTime.Closure> closures = new ArrayList<>();
        for (Object[] row : rows) {
            switch ((String) row[0]) {
                case "hours" -> hours.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add(weekly(row));
                case "break" -> breaks.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add(weekly(row));
                case "exception" -> exceptions.computeIfAbsent((UUID) row[1], k -> new ArrayList<>())
                        .add(new WorkingTime.Dated(AvailabilityException.Kind.valueOf((String) row[7]),
                                new TimeRange(SqlValues.instant(row[5]), SqlValues.instant(row[6]))));
                default -> closures.add(new WorkingTime.Closure(SqlValues.date(row[8]), SqlValues.date(row[9])));
            }
        }
        Map<UUID, WorkingTime> rules = new HashMap<>();
        for (UUID practitioner : practitioners) {
            rules.put(practitioner, new WorkingTime(hours.getOrDefault(practitioner, List.of()),
                    breaks.getOrDefault(practitioner, List.of()), exceptions.getOrDefault(practitioner, List.of()),
                    closures));
        }
        return rules;
    }

    private static WorkingTime.Weekly weekly(Object[] row) {
        return new WorkingTime.Weekly(DayOfWeek.of(((Number) row[2]).intValue()), SqlValues.time(row[3]),
                SqlValues.time(row[4]));
    }

    /** Whether the practitioner works the whole of {@code range}. */
    public boolean works(UUID practitioner, TimeRange range) {
        ClinicCalendar calendar = clinics.calendar();
        LocalDate from = calendar.local(range.start()).toLocalDate();
        LocalDate to = calendar.local(range.end()).toLocalDate();
        return workingTime(List.of(practitioner), from, to).getOrDefault(practitioner, List.of()).stream()
                .anyMatch(working -> working.contains(range));
    }

    private void insert(String table, UUID practitionerId, DayOfWeek weekday, LocalTime start, LocalTime end) {
        entityManager.createNativeQuery("insert into " + table
                        + " (practitioner_id, weekday, starts, ends) values (:p, :d, :s, :e)")
                .setParameter("p", practitionerId).setParameter("d", weekday.getValue())
                .setParameter("s", start).setParameter("e", end).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> periods(String table, Collection<UUID> practitioners) {
        return entityManager.createNativeQuery("select practitioner_id, weekday, starts, ends from " + table
                        + " where practitioner_id in (:ids) order by practitioner_id, weekday, starts", Tuple.class)
                .setParameter("ids", practitioners).getResultList();
    }

    private static void validate(WeeklyHours hours) {
        List<WeeklyHours.Day> days = hours.days();
        for (int i = 0; i < days.size(); i++) {
            WeeklyHours.Day day = days.get(i);
            String at = "days[" + i + "]";
            if (!day.end().isAfter(day.start())) {
                throw ProblemException.invalid(at + ".end", "must be after start");
            }
            for (int j = 0; j < i; j++) {
                WeeklyHours.Day other = days.get(j);
                if (other.weekday() == day.weekday() && day.start().isBefore(other.end())
                        && other.start().isBefore(day.end())) {
                    throw ProblemException.invalid(at, "overlaps days[" + j + "] on " + day.weekday());
                }
            }
            List<WeeklyHours.Period> breaks = day.breaksOrNone().stream()
                    .sorted(Comparator.comparing(WeeklyHours.Period::start)).toList();
            for (int b = 0; b < breaks.size(); b++) {
                WeeklyHours.Period pause = breaks.get(b);
                String where = at + ".breaks[" + day.breaksOrNone().indexOf(pause) + "]";
                if (!pause.end().isAfter(pause.start())) {
                    throw ProblemException.invalid(where + ".end", "must be after start");
                }
                if (pause.start().isBefore(day.start()) || pause.end().isAfter(day.end())) {
                    throw ProblemException.invalid(where, "must lie within " + day.start() + "-" + day.end());
                }
                if (b > 0 && pause.start().isBefore(breaks.get(b - 1).end())) {
                    throw ProblemException.invalid(where, "overlaps another break");
                }
            }
        }
    }
}
