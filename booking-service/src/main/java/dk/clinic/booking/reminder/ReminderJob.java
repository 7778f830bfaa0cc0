package dk.clinic.booking.reminder;

import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.Clinic;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.patient.Patient;
import dk.clinic.platform.persistence.Outages;
import dk.clinic.platform.persistence.SqlValues;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * E-mails a reminder to each consenting patient the clinic's {@code reminderLeadHours} before a booked appointment,
 * once.
 *
 * <p>What "once" means: each reminder is one transaction that claims the appointment row
 * ({@code for update skip locked}, so another instance or thread passes it by), sends the mail and stamps
 * {@code reminder_sent_at}. A row is stamped exactly once: the database never records two reminders, and no instance
 * claims a stamped or claimed row. Only a crash (or a lost connection) after the mail server accepted the mail and
 * before the commit sends it again: at-least-once at the SMTP edge, exactly-once in the database. A failed send rolls
 * back the claim, and the next round tries again.
 */
@ApplicationScoped
public class ReminderJob {

    private static final Logger LOG = Logger.getLogger(ReminderJob.class);

    private static final String WORK = "Reminders";

    private final EntityManager entityManager;
    private final ClinicService clinics;
    private final Mailer mailer;
    private final Outages outages;
    private final Clock clock;

    ReminderJob(EntityManager entityManager, ClinicService clinics, Mailer mailer, Outages outages, Clock clock) {
        this.entityManager = entityManager;
        this.clinics = clinics;
        this.mailer = mailer;
        this.outages = outages;
        this.clock = clock;
    }

    // skipped while the application starts or shuts down (the database may already be gone)
    @Scheduled(every = "${clinic.reminders.interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendScheduled() {
        sendDue();
    }

    /** Sends every reminder due now. @return how many were sent by this call */
    public int sendDue() {
        int sent = 0;
        try {
            while (sendNext()) {
                sent++;
            }
            outages.succeeded(WORK);
        } catch (RuntimeException e) {
            // the rest wait for the next round
            outages.failed(WORK, e);
        }
        return sent;
    }

    /** One reminder in one transaction. @return false when none is due (or every due one is taken by another) */
    private boolean sendNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> due = entityManager.createNativeQuery("""
                            select a.id, a.starts_at, a.patient_id, a.practitioner_id
                            from appointment a
                            join patient p on p.id = a.patient_id
                            cross join clinic c
                            where a.status = 'booked' and a.reminder_sent_at is null
                              and p.reminder_consent and p.email is not null and p.email <> ''
                              and a.starts_at > :now
                              and a.starts_at - make_interval(hours => c.reminder_lead_hours) <= :now
                            order by a.starts_at
                            limit 1
                            for update of a skip locked""")
                    .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .getResultList();
            if (due.isEmpty()) {
                return false;
            }
            Object[] row = due.getFirst();
            UUID appointmentId = (UUID) row[0];
            Instant start = SqlValues.instant(row[1]);
            Patient patient = entityManager.find(Patient.class, row[2]);
            Practitioner practitioner = entityManager.find(Practitioner.class, row[3]);
            Clinic clinic = clinics.current();
            ReminderMessage message = ReminderMessage.of(patient.preferredLanguage, patient.givenName,
                    clinics.calendar().local(start), practitioner.name, clinic.name);
            mailer.send(Mail.withText(patient.email, message.subject(), message.text()));
            // A plain update: a reminder is not a change to the appointment, so its version (the ETag the reception
            // holds for If-Match) stays as it was.
            entityManager.createNativeQuery("update appointment set reminder_sent_at = :now where id = :id")
                    .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .setParameter("id", appointmentId).executeUpdate();
            // neither the address nor the text: a log is read by more people than the patient's record
            LOG.infof("Reminder for appointment %s sent by e-mail to patient %s", appointmentId, patient.id);
            return true;
        });
    }
}
