package dk.clinic.booking.patient;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registers and corrects patients; every change is published through the outbox in the same transaction. */
@ApplicationScoped
public class PatientService {

    private final PatientRepository repository;
    private final PatientEvents events;
    private final Clock clock;

    PatientService(PatientRepository repository, PatientEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Patient register(PatientDetails details) {
        Patient patient = new Patient();
        patient.id = UUID.randomUUID();
        patient.createdAt = clock.instant();
        apply(details, patient);
        repository.persistAndFlush(patient);
        events.registered(patient);
        return patient;
    }

    @Transactional
    public Patient correct(UUID id, String ifMatch, PatientDetails details) {
        Patient patient = require(id);
        Versions.requireCurrent(ifMatch, patient.version, "Patient");
        apply(details, patient);
        repository.flush(); // raises the version now, so the event carries the new one
        events.changed(patient);
        return patient;
    }

    public Patient require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Patient", id));
    }

    /** For a patient named in a request body: 422 naming the field when there is none. */
    public void requireReference(String field, UUID id) {
        if (id == null || repository.findByIdOptional(id).isEmpty()) {
            throw ProblemException.unknownReference(field, "Patient", id);
        }
    }

    /** The names ("Karen Nielsen") of the patients with these ids, as a calendar shows them. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.find("id in ?1", Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(p -> p.id, p -> p.givenName + " " + p.familyName));
    }

    /** Patients whose family or given name starts with {@code name}, alphabetically. */
    public List<Patient> search(String name, int page, int size) {
        if (name == null || name.isBlank()) {
            return repository.findAll(Sort.by("familyName").and("givenName")).page(Page.of(page, size)).list();
        }
        String prefix = name.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
        return repository.find("lower(familyName) like ?1 or lower(givenName) like ?1",
                Sort.by("familyName").and("givenName"), prefix).page(Page.of(page, size)).list();
    }

    private void apply(PatientDetails details, Patient patient) {
        patient.givenName = details.givenName().trim();
        patient.familyName = details.familyName().trim();
        patient.birthDate = details.birthDate();
        patient.email = details.email();
        patient.phone = details.phone();
        patient.preferredLanguage = details.preferredLanguage();
        patient.reminderConsent = details.reminderConsent();
        patient.updatedAt = clock.instant();
    }
}
