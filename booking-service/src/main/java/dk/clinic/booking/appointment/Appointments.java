package dk.clinic.booking.appointment;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The appointments as the other features read them (a series' occurrences, a plan's remaining sessions). Changing one
 * goes through {@link Booking} (placing and moving) and {@link Lifecycle} (visits and cancellations).
 */
@ApplicationScoped
public class Appointments {

    private final AppointmentRepository repository;
    private final CurrentUser user;
    private final Clock clock;

    Appointments(AppointmentRepository repository, CurrentUser user, Clock clock) {
        this.repository = repository;
        this.user = user;
        this.clock = clock;
    }

    public Appointment require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appointment", id));
    }

    /** A series' occurrences in position order. */
    public List<Appointment> ofSeries(UUID seriesId) {
        return repository.list("seriesId", Sort.by("seriesPosition"), seriesId);
    }

    /** A series' occurrences in position order, locked until the caller's transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Appointment> ofSeriesForChange(UUID seriesId) {
        return repository.find("seriesId", Sort.by("seriesPosition"), seriesId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** A treatment plan's booked appointments that start after {@code after} and carry no flag yet. */
    public List<Appointment> bookedForPlanAfter(UUID planId, Instant after) {
        return repository.list("planId = ?1 and status = ?2 and start > ?3 and flag is null", planId,
                AppointmentStatus.booked, after);
    }

    /**
     * When each appointment that held its resources between {@code from} and {@code to} held which: booked, arrived,
     * fulfilled, or a no-show (the time was kept for the patient until they did not come); not the cancelled ones.
     * Read as plain rows, not entities: a half-year of a busy clinic is thousands of them.
     */
    public List<HeldTime> holdingTimeBetween(Instant from, Instant to) {
        return repository.getEntityManager().createQuery("""
                        select new dk.clinic.booking.appointment.Appointments$HeldTime(a.practitionerId, a.roomId,
                            a.deviceId, a.start, a.end)
                        from Appointment a where a.start < :to and a.end > :from and a.status in :statuses""",
                        HeldTime.class)
                .setParameter("to", to).setParameter("from", from)
                .setParameter("statuses", List.of(AppointmentStatus.booked, AppointmentStatus.arrived,
                        AppointmentStatus.fulfilled, AppointmentStatus.noshow))
                .getResultList();
    }

    /** The resources an appointment held, and when. */
    public record HeldTime(UUID practitionerId, UUID roomId, UUID deviceId, Instant start, Instant end) {
    }

    AppointmentQuery.Result page(AppointmentQuery query, int page, int size) {
        var found = repository.find(query.where(), Sort.by("start").and("id"), query.parameters())
                .page(io.quarkus.panache.common.Page.of(page, size));
        return new AppointmentQuery.Result(found.list(), found.count());
    }

    /**
     * The appointment to change, locked, with If-Match checked (428 without, 412 when stale) and its status one that
     * may become {@code becoming} (409 otherwise).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Appointment lockForChange(UUID id, String ifMatch, Set<AppointmentStatus> from, String becoming) {
        Appointment appointment = repository.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Appointment", id));
        Versions.requireCurrent(ifMatch, appointment.version, "Appointment");
        if (!from.contains(appointment.status)) {
            throw ProblemException.conflict("invalid-transition", "Not possible in this state",
                    "A " + appointment.status + " appointment cannot be " + becoming)
                    .with("currentStatus", appointment.status);
        }
        return appointment;
    }

    /** Stamps who changed the appointment; call before anything flushes, so a change raises the version once. */
    void touch(Appointment appointment) {
        appointment.updatedAt = clock.instant();
        appointment.updatedBy = user.name();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void save(Appointment appointment) {
        repository.persistAndFlush(appointment);
    }

    /** Writes pending changes now, so the new version goes into the event and the ETag. */
    void flush() {
        repository.flush();
    }
}
