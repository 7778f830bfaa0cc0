package dk.clinic.booking.clinic;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

@ApplicationScoped
public class ClinicService {

    private final EntityManager entityManager;
    private final RequestCalendar requestCalendar;
    private final Clock clock;
    private final Period horizon;
    private final Period pastSpan;

    ClinicService(EntityManager entityManager, RequestCalendar requestCalendar, Clock clock,
                  @ConfigProperty(name = "clinic.booking.horizon", defaultValue = "P2Y") Period horizon,
                  @ConfigProperty(name = "clinic.booking.past-span", defaultValue = "P1Y") Period pastSpan) {
        this.entityManager = entityManager;
        this.requestCalendar = requestCalendar;
        this.clock = clock;
        this.horizon = horizon;
        this.pastSpan = pastSpan;
    }

    public Clinic current() {
        return entityManager.find(Clinic.class, (short) 1);
    }

    /**
     * The clinic's calendar. Within one HTTP request the clinic is read once: a booking asks for the calendar to
     * resolve its start, to check working time and to answer in local time, the last after its transaction ended.
     */
    public ClinicCalendar calendar() {
        if (!Arc.container().requestContext().isActive()) {
            return calendarIn(current().zone());
        }
        ClinicCalendar calendar = requestCalendar.get();
        if (calendar == null) {
            calendar = calendarIn(current().zone());
            requestCalendar.set(calendar);
        }
        return calendar;
    }

    private ClinicCalendar calendarIn(ZoneId zone) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new ClinicCalendar(zone, today.minus(pastSpan), today.plus(horizon));
    }

    /** The calendar one request has read (reached through methods: the bean is a client proxy). */
    @RequestScoped
    static class RequestCalendar {
        private ClinicCalendar calendar;

        ClinicCalendar get() {
            return calendar;
        }

        void set(ClinicCalendar calendar) {
            this.calendar = calendar;
        }
    }

    @Transactional
    public Clinic update(String ifMatch, ClinicSettings settings) {
        Clinic clinic = current();
        Versions.requireCurrent(ifMatch, clinic.version, "Clinic");
        try {
            ZoneId.of(settings.timeZone());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("timeZone", "is not a time zone such as Europe/Copenhagen");
        }
        if (!java.util.Set.of(5, 10, 15, 20, 30, 60).contains(settings.slotStepMinutes())) {
            throw ProblemException.invalid("slotStepMinutes", "must be 5, 10, 15, 20, 30 or 60");
        }
        clinic.name = settings.name().trim();
        clinic.timeZone = settings.timeZone();
        clinic.lateCancellationNoticeHours = settings.lateCancellationNoticeHours();
        clinic.reminderLeadHours = settings.reminderLeadHours();
        clinic.waitlistOfferMinutes = settings.waitlistOfferMinutes();
        clinic.slotStepMinutes = settings.slotStepMinutes();
        entityManager.flush();
        if (Arc.container().requestContext().isActive()) {
            requestCalendar.set(null);
        }
        return clinic;
    }
}
