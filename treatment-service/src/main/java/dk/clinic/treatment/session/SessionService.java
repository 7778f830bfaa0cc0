package dk.clinic.treatment.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import dk.clinic.treatment.modality.ModalityCatalogue;
import dk.clinic.treatment.plan.Course;
import dk.clinic.treatment.plan.PlanService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Session records: each one counts against its course, and the course's review point stops it until decided. */
@ApplicationScoped
public class SessionService {

    private final SessionRepository repository;
    private final PlanService plans;
    private final ModalityCatalogue modalities;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final SessionEvents events;
    private final Clock clock;

    SessionService(SessionRepository repository, PlanService plans, ModalityCatalogue modalities, CurrentUser user,
                   ObjectMapper json, SessionEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.plans = plans;
        this.modalities = modalities;
        this.user = user;
        this.json = json;
    }

    @Transactional
    public SessionRecord deliver(SessionRequests.NewSession request) {
        Course course = plans.requireDeliverable(request.courseId());
        SessionRecord session = new SessionRecord();
        session.id = UUID.randomUUID();
        session.courseId = course.id;
        session.appointmentId = request.appointmentId();
        session.deliveredAt = request.deliveredAt() == null ? clock.instant() : request.deliveredAt();
        if (session.deliveredAt.isAfter(clock.instant())) {
            throw ProblemException.invalid("deliveredAt", "is in the future");
        }
        if (request.record() == null) {
            session.status = SessionRecord.Status.awaiting_record;
            session.details = "{}";
            session.adverseEvents = "[]";
        } else {
            write(session, course, request.record(), "record");
        }
        session.numberInCourse = plans.sessionDelivered(course);
        repository.persist(session);
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("session-exists", "The appointment already has a session record",
                    "One appointment is one session").field("appointmentId", "already has a session record");
        }
        events.record(EventType.SESSION_DELIVERED, session, course);
        return session;
    }

    /**
     * A booked appointment of the course took place: a session waits for the practitioner's record. Once per
     * appointment, however often booking says so.
     */
    public void fromAppointment(Course course, UUID appointmentId, Instant deliveredAt) {
        if (repository.find("appointmentId", appointmentId).firstResultOptional().isPresent()) {
            return;
        }
        SessionRecord session = new SessionRecord();
        session.id = UUID.randomUUID();
        session.courseId = course.id;
        session.appointmentId = appointmentId;
        session.deliveredAt = deliveredAt;
        session.status = SessionRecord.Status.awaiting_record;
        session.details = "{}";
        session.adverseEvents = "[]";
        session.numberInCourse = plans.sessionDelivered(course);
        repository.persist(session);
        repository.flush();
        events.record(EventType.SESSION_DELIVERED, session, course);
    }

    /** Writes (or corrects) the record of a delivered session. */
    @Transactional
    public SessionRecord record(UUID id, String ifMatch, SessionRequests.Record record) {
        SessionRecord session = require(id);
        Versions.requireCurrent(ifMatch, session.version, "Session");
        Course course = plans.course(session.courseId);
        write(session, course, record, "");
        repository.flush();
        events.record(EventType.SESSION_RECORDED, session, course);
        return session;
    }

    public SessionRecord require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    public List<SessionRecord> ofCourses(List<UUID> courseIds) {
        return courseIds.isEmpty() ? List.of()
                : repository.list("courseId in ?1 order by deliveredAt", courseIds);
    }

    private void write(SessionRecord session, Course course, SessionRequests.Record record, String prefix) {
        String at = prefix.isEmpty() ? "" : prefix + ".";
        session.details = modalities.check(modalities.require(course.modality), record.details(), at + "details")
                .toString();
        try {
            session.adverseEvents = json.writeValueAsString(
                    record.adverseEvents() == null ? List.of() : record.adverseEvents());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        session.notes = record.notes();
        session.firstStepPain = record.firstStepPain();
        session.status = SessionRecord.Status.recorded;
        session.recordedBy = user.name();
        session.recordedAt = clock.instant();
    }
}
