package dk.clinic.treatment.patient;

import dk.clinic.platform.inbox.EventInbox;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The patients treatment-service knows, kept in step with booking-service's patient events. */
@ApplicationScoped
public class PatientDirectory {

    static final String REGISTERED = "clinic.booking.patient.registered.v1";
    static final String CHANGED = "clinic.booking.patient.changed.v1";
    private static final Logger LOG = Logger.getLogger(PatientDirectory.class);

    private final PatientReferenceRepository repository;
    private final EventInbox inbox;
    private final EntityManager entityManager;
    private final Clock clock;

    PatientDirectory(PatientReferenceRepository repository, EventInbox inbox, EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    /** Applies a patient event once; a redelivered or older event changes nothing. */
    @Transactional
    public void apply(InboundEvent event) {
        inbox.processOnce(event, "patient-directory", e -> {
            if (REGISTERED.equals(e.type()) || CHANGED.equals(e.type())) {
                upsert(e);
            } else {
                LOG.infof("Ignoring patient event of unknown type %s", e.type());
            }
        });
    }

    private void upsert(InboundEvent event) {
        // one statement decides, so two instances racing on one patient cannot regress its version
        entityManager.createNativeQuery("""
                        insert into patient_reference
                            (patient_id, given_name, family_name, birth_date, preferred_language, version, updated_at)
                        values (:id, :given, :family, :birth, :language, :version, :now)
                        on conflict (patient_id) do update set
                            given_name = excluded.given_name, family_name = excluded.family_name,
                            birth_date = excluded.birth_date, preferred_language = excluded.preferred_language,
                            version = excluded.version, updated_at = excluded.updated_at
                        where patient_reference.version < excluded.version""")
                .setParameter("id", event.uuid("patientId"))
                .setParameter("given", event.text("givenName"))
                .setParameter("family", event.text("familyName"))
                .setParameter("birth", LocalDate.parse(event.text("birthDate")))
                .setParameter("language", event.text("preferredLanguage"))
                .setParameter("version", event.number("version"))
                .setParameter("now", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    /** For a patient named in a request body: 422 naming the field when treatment does not know them. */
    public void requireReference(String field, UUID id) {
        if (id == null || repository.findByIdOptional(id).isEmpty()) {
            throw ProblemException.unknownReference(field, "Patient", id);
        }
    }

    public PatientReference require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Patient", id));
    }

    public List<PatientReference> search(String name, int page, int size) {
        Sort order = Sort.by("familyName").and("givenName");
        if (name == null || name.isBlank()) {
            return repository.findAll(order).page(Page.of(page, size)).list();
        }
        String prefix = name.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        return repository.find("lower(familyName) like ?1 or lower(givenName) like ?1", order, prefix)
                .page(Page.of(page, size)).list();
    }
}
