package dk.clinic.booking.appointment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An appointment's audit trail: who did what, when, with the details that changed. */
@ApplicationScoped
public class Trail {

    private final EntityManager entityManager;
    private final Appointments appointments;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Clock clock;

    Trail(EntityManager entityManager, Appointments appointments, CurrentUser user, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.appointments = appointments;
        this.user = user;
        this.json = json;
        this.clock = clock;
    }

    /** Adds an entry to the appointment's trail, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
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
        entityManager.persist(entry);
    }

    public List<AppointmentHistory> of(UUID appointmentId) {
        appointments.require(appointmentId);
        return entityManager.createQuery("from AppointmentHistory where appointmentId = :id order by id",
                        AppointmentHistory.class)
                .setParameter("id", appointmentId).getResultList();
    }

    /** Details of a trail entry from name-value pairs, leaving out the values that are null. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }
}
