package dk.clinic.treatment.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import dk.clinic.treatment.episode.EpisodeOfCare;
import dk.clinic.treatment.episode.EpisodeService;
import dk.clinic.treatment.modality.Modality;
import dk.clinic.treatment.modality.ModalityCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Treatment plans and their courses: created from the modality catalogue's defaults, changed only with a reason
 * (each change a new version), stopped at each course's review point until the practitioner decides.
 */
@ApplicationScoped
public class PlanService {

    /** The most sessions one course may plan (the database holds to the same limit). */
    static final int MAX_SESSIONS = 50;

    private final PlanRepository repository;
    private final EntityManager entityManager;
    private final EpisodeService episodes;
    private final ModalityCatalogue modalities;
    private final PlanVersions versions;
    private final PlanEvents events;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final Event<SessionsNeeded> sessionsNeeded;
    private final Clock clock;

    PlanService(PlanRepository repository, EntityManager entityManager, EpisodeService episodes, ModalityCatalogue modalities,
                PlanVersions versions, PlanEvents events, CurrentUser user, ObjectMapper json,
                Event<SessionsNeeded> sessionsNeeded, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.entityManager = entityManager;
        this.episodes = episodes;
        this.modalities = modalities;
        this.versions = versions;
        this.events = events;
        this.user = user;
        this.json = json;
        this.sessionsNeeded = sessionsNeeded;
    }

    @Transactional
    public TreatmentPlan create(PlanRequests.NewPlan request) {
        EpisodeOfCare episode = episodes.requireReference("episodeId", request.episodeId());
        episodes.requireTreatable(episode);
        TreatmentPlan plan = new TreatmentPlan();
        plan.id = UUID.randomUUID();
        plan.episodeId = episode.id;
        plan.status = TreatmentPlan.Status.active;
        plan.goals = write(request.goals());
        plan.createdAt = clock.instant();
        plan.createdBy = user.name();
        repository.persist(plan);
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("plan-exists", "The episode already has a plan",
                    "Change the existing plan instead").field("episodeId", "already has a plan");
        }
        for (int i = 0; i < request.courses().size(); i++) {
            addCourse(plan, request.courses().get(i), "courses[" + i + "]");
        }
        recordVersion(plan, "Plan created");
        return plan;
    }

    @Transactional
    public TreatmentPlan addCourse(UUID planId, String ifMatch, PlanRequests.AddCourse request) {
        TreatmentPlan plan = requireChangeable(planId, ifMatch);
        Course course = addCourse(plan, request.course(), "course");
        recordVersion(plan, "Course added (" + course.modality + "): " + request.reason());
        touch(plan);
        return plan;
    }

    @Transactional
    public TreatmentPlan changeGoals(UUID planId, String ifMatch, PlanRequests.ChangeGoals request) {
        TreatmentPlan plan = requireChangeable(planId, ifMatch);
        plan.goals = write(request.goals());
        recordVersion(plan, "Goals changed: " + request.reason());
        touch(plan);
        return plan;
    }

    /** The practitioner's decision at a review point: continue, switch modality, discharge or refer. */
    @Transactional
    public ReviewDecision review(UUID planId, String ifMatch, PlanRequests.Review request) {
        TreatmentPlan plan = requireChangeable(planId, ifMatch);
        Course course = requireCourse(plan, request.courseId(), "courseId");
        if (course.status != Course.Status.active && course.status != Course.Status.review_due) {
            throw ProblemException.conflict("course-ended", "The course has ended", "It is " + course.status)
                    .field("courseId", "refers to a " + course.status + " course");
        }
        ReviewDecision decision = new ReviewDecision();
        decision.id = UUID.randomUUID();
        decision.planId = plan.id;
        decision.courseId = course.id;
        decision.decision = request.decision();
        decision.reason = request.reason();
        decision.decidedBy = user.name();
        decision.decidedAt = clock.instant();
        String change = switch (request.decision()) {
            case continue_course -> {
                if (request.additionalSessions() == null) {
                    throw ProblemException.invalid("additionalSessions", "is needed to continue");
                }
                decision.additionalSessions = request.additionalSessions();
                int planned = Math.max(course.plannedSessions, course.sessionsDelivered) + request.additionalSessions();
                if (planned > MAX_SESSIONS) {
                    throw ProblemException.invalid("additionalSessions",
                            "would take the course to " + planned + " sessions; a course has at most " + MAX_SESSIONS);
                }
                course.plannedSessions = planned;
                course.reviewAfterSessions = course.plannedSessions;
                course.status = Course.Status.active;
                sessionsNeeded.fire(new SessionsNeeded(plan, course, request.additionalSessions(),
                        SessionsNeeded.Reason.course_extended));
                yield "Continue " + course.modality + " with " + request.additionalSessions() + " more sessions";
            }
            case switch_modality -> {
                Modality next = modalities.requireOffered("newModality", request.newModality());
                decision.newModality = next.code;
                course.status = Course.Status.switched;
                addCourse(plan, new PlanRequests.NewCourse(next.code, null, null, null, null,
                        course.practitionerPreference, course.autoBook, course.replaceMissed), "newModality");
                yield "Switched from " + course.modality + " to " + next.code;
            }
            case discharge -> {
                endCourses(plan, Course.Status.completed);
                plan.status = TreatmentPlan.Status.discharged;
                yield "Discharged";
            }
            case refer -> {
                endCourses(plan, Course.Status.stopped);
                plan.status = TreatmentPlan.Status.referred;
                yield "Referred";
            }
        };
        if (!plan.closed()) {
            plan.status = anyCourseInReview(plan.id) ? TreatmentPlan.Status.review_due : TreatmentPlan.Status.active;
        }
        entityManager.persist(decision);
        events.reviewDecided(decision, plan, patientOf(plan), course);
        recordVersion(plan, change + ": " + request.reason());
        touch(plan);
        if (plan.closed()) {
            events.closed(plan, patientOf(plan), request.reason());
        }
        return decision;
    }

    @Transactional
    public TreatmentPlan discontinue(UUID planId, String ifMatch, String reason) {
        TreatmentPlan plan = requireChangeable(planId, ifMatch);
        close(plan, TreatmentPlan.Status.discontinued, reason);
        return plan;
    }

    /** A referral decision on the episode ends its plan, if it has one. */
    void onReferral(@Observes EpisodeService.EpisodeReferred referral) {
        repository.find("episodeId", referral.episodeId()).firstResultOptional()
                .filter(plan -> !plan.closed())
                .ifPresent(plan -> close(plan, TreatmentPlan.Status.referred, referral.reason()));
    }

    /** Closing the episode discontinues a plan that is still running, so booking flags its remaining sessions. */
    void onEpisodeClosed(@Observes EpisodeService.EpisodeClosed closing) {
        repository.find("episodeId", closing.episodeId()).firstResultOptional()
                .filter(plan -> !plan.closed())
                .ifPresent(plan -> close(plan, TreatmentPlan.Status.discontinued, "Episode closed"));
    }

    /**
     * Counts a delivered session against its course. At the course's review point the course and the plan become
     * "review due" (and an event says so) until the practitioner decides.
     *
     * @return the session's number in its course
     */
    public int sessionDelivered(Course course) {
        TreatmentPlan plan = repository.findById(course.planId, LockModeType.PESSIMISTIC_WRITE);
        // under the plan's lock, the count is the committed one: two sessions delivered at once get numbers 1 and 2
        entityManager.refresh(course);
        course.sessionsDelivered++;
        if (!plan.closed() && course.status == Course.Status.active
                && course.sessionsDelivered >= course.reviewAfterSessions) {
            course.status = Course.Status.review_due;
            plan.status = TreatmentPlan.Status.review_due;
            touch(plan);
            events.reviewDue(plan, patientOf(plan), course);
        }
        return course.sessionsDelivered;
    }

    /** Sessions may be recorded: the episode is treatable, the plan open, and the course not awaiting its review. */
    public Course requireDeliverable(UUID courseId) {
        Course known = courseId == null ? null : entityManager.find(Course.class, courseId);
        if (known == null) {
            throw ProblemException.unknownReference("courseId", "Course", courseId);
        }
        TreatmentPlan plan = require(known.planId);
        if (plan.closed()) {
            throw ProblemException.conflict("plan-closed", "The plan is closed", "The plan was " + plan.status)
                    .with("currentStatus", plan.status);
        }
        episodes.requireTreatable(episodes.require(plan.episodeId));
        Course course = requireCourse(plan, courseId, "courseId");
        if (course.status == Course.Status.review_due) {
            throw ProblemException.conflict("review-due", "The course is at its review point",
                    "Record a review decision before further sessions of " + course.modality)
                    .with("courseId", course.id);
        }
        if (course.status != Course.Status.active) {
            throw ProblemException.conflict("course-ended", "The course has ended", "It is " + course.status)
                    .field("courseId", "refers to a " + course.status + " course");
        }
        return course;
    }

    /** A course, or null when there is none. */
    public Course course(UUID courseId) {
        return entityManager.find(Course.class, courseId);
    }

    public TreatmentPlan require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }

    public Optional<TreatmentPlan> ofEpisode(UUID episodeId) {
        return repository.find("episodeId", episodeId).firstResultOptional();
    }

    public List<Course> courses(UUID planId) {
        return entityManager.createQuery("from Course where planId = :plan order by position", Course.class)
                .setParameter("plan", planId).getResultList();
    }

    public List<PlanRequests.VersionView> versions(UUID planId) {
        return versions.of(planId);
    }

    public List<ReviewDecision> reviews(UUID planId) {
        return entityManager.createQuery("from ReviewDecision where planId = :plan order by decidedAt", ReviewDecision.class)
                .setParameter("plan", planId).getResultList();
    }

    public PlanRequests.PlanView view(TreatmentPlan plan) {
        return new PlanRequests.PlanView(plan.id, plan.episodeId, plan.status, plan.goals, plan.currentVersion,
                courses(plan.id).stream().map(PlanRequests.CourseView::of).toList(), plan.version);
    }

    private Course addCourse(TreatmentPlan plan, PlanRequests.NewCourse request, String field) {
        Modality modality = modalities.requireOffered(field + ".modality", request.modality());
        if (modality.referral) {
            throw ProblemException.invalid(field + ".modality",
                    "is a referral: record it as a review decision or a referral decision, not a course");
        }
        Course course = new Course();
        course.id = UUID.randomUUID();
        course.planId = plan.id;
        course.position = courses(plan.id).size() + 1;
        course.modality = modality.code;
        course.plannedSessions = firstOf(request.plannedSessions(), modality.defaultSessions, 1);
        course.intervalDays = firstOf(request.intervalDays(), modality.defaultIntervalDays, 7);
        course.reviewAfterSessions = Math.min(course.plannedSessions,
                firstOf(request.reviewAfterSessions(), modality.reviewAfterSessions, course.plannedSessions));
        course.parameters = modalities.withDefaults(modality, request.parameters(), field + ".parameters").toString();
        course.practitionerPreference = request.practitionerPreference();
        course.autoBook = Boolean.TRUE.equals(request.autoBook());
        course.replaceMissed = Boolean.TRUE.equals(request.replaceMissed());
        course.status = Course.Status.active;
        entityManager.persist(course);
        entityManager.flush();
        sessionsNeeded.fire(new SessionsNeeded(plan, course, course.plannedSessions, SessionsNeeded.Reason.course_created));
        return course;
    }

    private void close(TreatmentPlan plan, TreatmentPlan.Status status, String reason) {
        endCourses(plan, Course.Status.stopped);
        plan.status = status;
        recordVersion(plan, "Plan " + status + ": " + reason);
        touch(plan);
        events.closed(plan, patientOf(plan), reason);
    }

    private void endCourses(TreatmentPlan plan, Course.Status status) {
        for (Course course : courses(plan.id)) {
            if (course.status == Course.Status.active || course.status == Course.Status.review_due) {
                course.status = status;
            }
        }
    }

    /** The plan as it now is becomes its next numbered version, and others are told. */
    private void recordVersion(TreatmentPlan plan, String change) {
        List<Course> courses = courses(plan.id);
        versions.record(plan, courses, change);
        events.changed(plan, patientOf(plan), courses);
    }

    private boolean anyCourseInReview(UUID planId) {
        return courses(planId).stream().anyMatch(c -> c.status == Course.Status.review_due);
    }

    private TreatmentPlan requireChangeable(UUID planId, String ifMatch) {
        TreatmentPlan plan = repository.findByIdOptional(planId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Plan", planId));
        Versions.requireCurrent(ifMatch, plan.version, "Plan");
        if (plan.closed()) {
            throw ProblemException.conflict("plan-closed", "The plan is closed", "The plan was " + plan.status)
                    .with("currentStatus", plan.status);
        }
        return plan;
    }

    private Course requireCourse(TreatmentPlan plan, UUID courseId, String field) {
        return Optional.ofNullable(courseId)
                .map(id -> entityManager.find(Course.class, id))
                .filter(course -> course.planId.equals(plan.id))
                .orElseThrow(() -> ProblemException.unknownReference(field, "Course", courseId));
    }

    private UUID patientOf(TreatmentPlan plan) {
        return episodes.require(plan.episodeId).patientId;
    }

    /** Flushes the plan's change now, so the new version goes into the ETag and the events. */
    private void touch(TreatmentPlan plan) {
        entityManager.flush();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int firstOf(Integer given, Integer fallback, int last) {
        return given != null ? given : fallback != null ? fallback : last;
    }
}
