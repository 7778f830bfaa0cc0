package dk.clinic.treatment.episode;

import dk.clinic.contracts.EventType;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.CurrentUser;
import dk.clinic.treatment.patient.PatientDirectory;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Opens episodes of care and records the red-flag screen and the referral decision it calls for. */
@ApplicationScoped
public class EpisodeService {

    private final EpisodeRepository repository;
    private final PatientDirectory patients;
    private final CurrentUser user;
    private final Event<EpisodeReferred> referred;
    private final Event<EpisodeClosed> closed;
    private final EpisodeEvents events;
    private final Clock clock;

    EpisodeService(EpisodeRepository repository, PatientDirectory patients, CurrentUser user, Event<EpisodeReferred> referred,
                   Event<EpisodeClosed> closed, EpisodeEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.patients = patients;
        this.user = user;
        this.referred = referred;
        this.closed = closed;
    }

    @Transactional
    public EpisodeOfCare open(EpisodeRequests.OpenEpisode request) {
        patients.requireReference("patientId", request.patientId());
        EpisodeOfCare episode = new EpisodeOfCare();
        episode.id = UUID.randomUUID();
        episode.patientId = request.patientId();
        episode.condition = request.condition();
        episode.conditionNote = request.conditionNote();
        episode.side = request.side();
        episode.symptomWeeks = request.symptomWeeks();
        if (request.load() != null) {
            episode.weightKg = request.load().weightKg();
            episode.runs = request.load().runs();
            episode.standingWork = request.load().standingWork();
            episode.footwear = request.load().footwear();
        }
        episode.referralSource = request.referralSource();
        EpisodeRequests.RedFlags flags = request.redFlags();
        episode.noImprovement = flags.noImprovement();
        episode.swellingRednessWarmth = flags.swellingRednessWarmth();
        episode.cannotStandOrWalk = flags.cannotStandOrWalk();
        episode.systemicDisease = flags.systemicDisease();
        episode.redFlagNote = flags.note();
        episode.status = EpisodeOfCare.Status.open;
        episode.openedAt = clock.instant();
        episode.openedBy = user.name();
        repository.persistAndFlush(episode);
        events.record(EventType.EPISODE_OPENED, episode);
        return episode;
    }

    @Transactional
    public EpisodeOfCare decideReferral(UUID id, String ifMatch, EpisodeRequests.ReferralDecisionRequest request) {
        EpisodeOfCare episode = require(id);
        Versions.requireCurrent(ifMatch, episode.version, "Episode");
        requireOpen(episode);
        if (!episode.anyRedFlag() && request.decision() == EpisodeOfCare.ReferralDecision.treat) {
            throw ProblemException.invalid("decision", "is only needed when the red-flag screen is positive");
        }
        episode.referralDecision = request.decision();
        episode.referralReason = request.reason();
        episode.referralDecidedBy = user.name();
        episode.referralDecidedAt = clock.instant();
        repository.flush();
        events.record(EventType.EPISODE_CHANGED, episode);
        if (request.decision() == EpisodeOfCare.ReferralDecision.refer) {
            referred.fire(new EpisodeReferred(episode.id, request.reason()));
        }
        return episode;
    }

    @Transactional
    public EpisodeOfCare close(UUID id, String ifMatch) {
        EpisodeOfCare episode = require(id);
        Versions.requireCurrent(ifMatch, episode.version, "Episode");
        requireOpen(episode);
        episode.status = EpisodeOfCare.Status.closed;
        episode.closedAt = clock.instant();
        repository.flush();
        events.record(EventType.EPISODE_CLOSED, episode);
        closed.fire(new EpisodeClosed(episode.id));
        return episode;
    }

    /** For an episode named in a request body: 422 naming the field when there is none. */
    public EpisodeOfCare requireReference(String field, UUID id) {
        return (id == null ? java.util.Optional.<EpisodeOfCare>empty() : repository.findByIdOptional(id))
                .orElseThrow(() -> ProblemException.unknownReference(field, "Episode", id));
    }

    public EpisodeOfCare require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Episode", id));
    }

    public List<EpisodeOfCare> ofPatient(UUID patientId) {
        return repository.list("patientId", Sort.by("openedAt"), patientId);
    }

    /**
     * Treatment (a new plan, a session) may go ahead: the episode is open and its red-flag screen is clear, or the
     * practitioner decided to treat anyway with a reason. A "refer" decision ends treatment here.
     */
    public void requireTreatable(EpisodeOfCare episode) {
        requireOpen(episode);
        if (episode.awaitsReferralDecision()) {
            throw ProblemException.conflict("referral-decision-required", "The red-flag screen is positive",
                    "Record a referral decision (refer, or treat with a reason) before treatment")
                    .with("episodeId", episode.id);
        }
        if (episode.referralDecision == EpisodeOfCare.ReferralDecision.refer) {
            throw ProblemException.conflict("referred", "The patient was referred",
                    "No further treatment here: " + episode.referralReason).with("episodeId", episode.id);
        }
    }

    private static void requireOpen(EpisodeOfCare episode) {
        if (episode.status == EpisodeOfCare.Status.closed) {
            throw ProblemException.conflict("episode-closed", "The episode is closed", "Open a new episode")
                    .with("episodeId", episode.id);
        }
    }

    /** Fired when the episode is closed: a plan still running is discontinued. */
    public record EpisodeClosed(UUID episodeId) {
    }

    /** Fired when a practitioner refers the patient on: the plan, if any, ends. */
    public record EpisodeReferred(UUID episodeId, String reason) {
    }
}
