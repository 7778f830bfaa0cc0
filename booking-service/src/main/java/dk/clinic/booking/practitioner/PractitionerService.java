package dk.clinic.booking.practitioner;

import dk.clinic.platform.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PractitionerService implements PanacheRepositoryBase<Practitioner, UUID> {

    @Transactional
    public Practitioner add(String name, Practitioner.Profession profession) {
        Practitioner practitioner = new Practitioner();
        practitioner.id = UUID.randomUUID();
        practitioner.name = name.trim();
        practitioner.profession = profession;
        persist(practitioner);
        return practitioner;
    }

    public Practitioner require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Practitioner", id));
    }

    public List<Practitioner> active() {
        return list("active", Sort.by("name"), true);
    }
}
