package dk.clinic.treatment.episode;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * What treatment-service tells others about episodes (topic {@code treatment.episodes}, keyed by patient): the
 * condition, the side and the red-flag outcome, never the notes, the load or the reasons.
 */
@ApplicationScoped
class EpisodeEvents {

    private final Outbox outbox;

    EpisodeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Call after the change is flushed, so the event carries the new version. */
    void record(EventType type, EpisodeOfCare episode) {
        outbox.record(type, episode.patientId.toString(), episode.id.toString(), new Episode(episode.id,
                episode.patientId, episode.condition.name(), episode.side.name(), episode.anyRedFlag(),
                episode.referralDecision == null ? null : episode.referralDecision.name(), episode.status.name(),
                episode.openedAt, episode.closedAt, episode.version));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Episode(UUID episodeId, UUID patientId, String condition, String side, boolean redFlagPositive,
                   String referralDecision, String status, Instant openedAt, Instant closedAt, long version) {
    }
}
