package dk.clinic.booking.clinic;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;

@ApplicationScoped
public class ClinicService {

    private final EntityManager entityManager;

    ClinicService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Clinic current() {
        return entityManager.find(Clinic.class, (short) 1);
    }

    public ClinicCalendar calendar() {
        return new ClinicCalendar(current().zone());
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
        return clinic;
    }
}
