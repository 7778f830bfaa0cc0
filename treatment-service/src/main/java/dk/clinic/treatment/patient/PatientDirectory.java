package dk.clinic.treatment.patient;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.inbox.EventHandler;
import dk.clinic.platform.inbox.InboundEvent;
import dk.clinic.platform.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The patients treatment-service knows, kept in step with booking-service's patient events. */
@ApplicationScoped
public class PatientDirectory implements EventHandler {

    private final PatientReferenceRepository repository;
    private final EntityManager entityManager;
    private final Clock clock;

    PatientDirectory(PatientReferenceRepository repository, EntityManager entityManager, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Override
    public String name() {
        return "patient-directory";
    }

    @Override
    public Set<EventType> handles() {
        return EnumSet.of(EventType.PATIENT_REGISTERED, EventType.PATIENT_CHANGED);
    }

    /** Registration and change alike carry the patient's whole state; an older one never overwrites a newer. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
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
