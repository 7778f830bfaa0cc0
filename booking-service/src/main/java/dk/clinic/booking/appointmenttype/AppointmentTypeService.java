package dk.clinic.booking.appointmenttype;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AppointmentTypeService {

    private final AppointmentTypeRepository repository;

    AppointmentTypeService(AppointmentTypeRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public AppointmentType add(AppointmentTypeDetails details) {
        AppointmentType type = new AppointmentType();
        type.id = UUID.randomUUID();
        apply(type, details);
        repository.persist(type);
        flushCoded(type);
        return type;
    }

    @Transactional
    public AppointmentType change(UUID id, String ifMatch, AppointmentTypeDetails details) {
        AppointmentType type = repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appointment type", id));
        Versions.requireCurrent(ifMatch, type.version, "Appointment type");
        apply(type, details);
        flushCoded(type);
        return type;
    }

    public AppointmentType require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Appointment type", id));
    }

    /** For a reference in a request body: 422 naming the field. */
    public AppointmentType requireActiveReference(String field, UUID id) {
        AppointmentType type = id == null ? null : repository.findById(id);
        if (type == null || !type.active) {
            throw ProblemException.unknownReference(field, "Appointment type", id);
        }
        return type;
    }

    public List<AppointmentType> active() {
        return repository.list("active", Sort.by("code"), true);
    }

    private void flushCoded(AppointmentType type) {
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            if ("23505".equals(e.getSQLState())) {
                throw ProblemException.conflict("code-taken", "The code is taken",
                        "Another appointment type has the code " + type.code).field("code", "is taken");
            }
            throw e;
        }
    }

    private static void apply(AppointmentType type, AppointmentTypeDetails details) {
        type.code = details.code();
        type.nameDa = details.name().da().trim();
        type.nameNb = details.name().nb().trim();
        type.nameEn = details.name().en().trim();
        type.durationMinutes = details.durationMinutes();
        type.bufferBeforeMinutes = details.bufferBeforeMinutes();
        type.bufferAfterMinutes = details.bufferAfterMinutes();
        type.modality = details.modality();
        type.roomKind = details.roomKind();
        type.deviceKind = details.deviceKind();
        type.active = details.active() == null || details.active();
    }
}
