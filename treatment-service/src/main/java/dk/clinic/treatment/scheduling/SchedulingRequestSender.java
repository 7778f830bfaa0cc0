package dk.clinic.treatment.scheduling;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import dk.clinic.treatment.episode.EpisodeService;
import dk.clinic.treatment.modality.ModalityCatalogue;
import dk.clinic.treatment.plan.Course;
import dk.clinic.treatment.plan.SessionsNeeded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Step 1 of the round trip: when a course needs sessions booked, ask booking-service, through the outbox, in the
 * same transaction as the plan change. Only what scheduling needs leaves: modality, count, interval, preferences.
 */
@ApplicationScoped
class SchedulingRequestSender {

    private final EntityManager entityManager;
    private final EpisodeService episodes;
    private final ModalityCatalogue modalities;
    private final Outbox outbox;
    private final Clock clock;

    SchedulingRequestSender(EntityManager entityManager, EpisodeService episodes, ModalityCatalogue modalities, Outbox outbox, Clock clock) {
        this.clock = clock;
        this.entityManager = entityManager;
        this.episodes = episodes;
        this.modalities = modalities;
        this.outbox = outbox;
    }

    void request(@Observes SessionsNeeded needed) {
        Course course = needed.course();
        UUID requestId = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        insert into scheduling_request (id, course_id, sessions, reason, requested_at)
                        values (:id, :course, :sessions, :reason, :at)""")
                .setParameter("id", requestId)
                .setParameter("course", course.id)
                .setParameter("sessions", needed.sessions())
                .setParameter("reason", needed.reason().name())
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        UUID patientId = episodes.require(needed.plan().episodeId).patientId;
        outbox.record(EventType.SCHEDULING_REQUESTED, patientId.toString(), course.id.toString(),
                new Requested(requestId, needed.plan().id, course.id, patientId, course.modality, needed.sessions(),
                        course.intervalDays, course.practitionerPreference,
                        modalities.require(course.modality).needsDevice, course.autoBook, needed.reason().name()));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Requested(UUID requestId, UUID planId, UUID courseId, UUID patientId, String modality, int sessions,
                     int intervalDays, UUID practitionerPreference, boolean deviceNeeded, boolean autoBook,
                     String reason) {
    }
}
