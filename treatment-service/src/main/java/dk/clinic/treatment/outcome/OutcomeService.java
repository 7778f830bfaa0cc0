package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.security.CurrentUser;
import dk.clinic.treatment.episode.EpisodeOfCare;
import dk.clinic.treatment.episode.EpisodeService;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outcome measures of an episode: scored exactly on the way in (raw answers kept), and read back as progress
 * against the baseline with the minimal clinically important change and a responder definition.
 */
@ApplicationScoped
public class OutcomeService {

    /** Weeks after the episode opened at which measures are due (as in the dry-needling trial). */
    public static final List<Integer> FOLLOW_UP_WEEKS = List.of(0, 2, 4, 6, 12);

    private final OutcomeRepository repository;
    private final EpisodeService episodes;
    private final OutcomeScoring scoring;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final OutcomeEvents events;
    private final Clock clock;

    OutcomeService(OutcomeRepository repository, EpisodeService episodes, OutcomeScoring scoring, CurrentUser user,
                   ObjectMapper json, OutcomeEvents events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
        this.episodes = episodes;
        this.scoring = scoring;
        this.user = user;
        this.json = json;
    }

    @Transactional
    public OutcomeMeasurement record(UUID episodeId, Instrument instrument, String timepoint, LocalDate measuredOn,
                                     JsonNode answers) {
        EpisodeOfCare episode = episodes.requireReference("episodeId", episodeId);
        if (episode.status == EpisodeOfCare.Status.closed) {
            throw ProblemException.conflict("episode-closed", "The episode is closed", "Open a new episode");
        }
        if (measuredOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw ProblemException.invalid("measuredOn", "is in the future");
        }
        ScoredOutcome scored = scoring.score(instrument, answers);
        OutcomeMeasurement measurement = new OutcomeMeasurement();
        measurement.id = UUID.randomUUID();
        measurement.episodeId = episodeId;
        measurement.instrument = instrument;
        measurement.timepoint = timepoint;
        measurement.measuredOn = measuredOn;
        measurement.answers = json.valueToTree(scored.answers()).toString();
        for (Score score : scored.scores()) {
            OutcomeMeasurement.StoredScore stored = new OutcomeMeasurement.StoredScore();
            stored.scale = score.scale();
            stored.value = score.value();
            stored.answered = score.answered();
            stored.items = score.items();
            measurement.scores.add(stored);
        }
        measurement.recordedBy = user.name();
        measurement.recordedAt = clock.instant();
        repository.persist(measurement);
        try {
            repository.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("baseline-exists", "The episode already has a baseline for this measure",
                    "Record follow-ups as week_N").field("timepoint", "baseline already recorded for " + instrument);
        }
        events.recorded(measurement, episode.patientId);
        return measurement;
    }

    public List<OutcomeMeasurement> ofEpisode(UUID episodeId) {
        return repository.list("episodeId", Sort.by("measuredOn").and("recordedAt"), episodeId);
    }

    /**
     * For every scale measured in the episode: its baseline, its latest follow-up, the change, whether the MCIC is
     * reached, and whether the patient responds under {@code definition} (null where the definition does not apply).
     */
    public List<Progress> progress(UUID episodeId, ResponderDefinition definition) {
        episodes.require(episodeId);
        List<OutcomeMeasurement> measurements = ofEpisode(episodeId);
        List<Progress> progress = new ArrayList<>();
        for (Scale scale : Scale.values()) {
            Optional<OutcomeMeasurement.StoredScore> baseline = measurements.stream()
                    .filter(m -> m.timepoint.equals("baseline"))
                    .flatMap(m -> m.scores.stream()).filter(s -> s.scale == scale).findFirst();
            Optional<Dated> latest = measurements.stream()
                    .filter(m -> !m.timepoint.equals("baseline"))
                    .flatMap(m -> m.scores.stream().filter(s -> s.scale == scale).map(s -> new Dated(m.measuredOn, m.timepoint, s)))
                    .max(Comparator.comparing(Dated::on));
            if (baseline.isEmpty()) {
                continue;
            }
            if (latest.isEmpty()) {
                progress.add(new Progress(scale, baseline.get().value, null, null, null, null));
                continue;
            }
            Change change = new Change(scale, baseline.get().value, latest.get().score().value);
            Boolean responder = definition.appliesTo(scale) ? definition.isResponder(change) : null;
            progress.add(new Progress(scale, baseline.get().value, latest.get().score().value, latest.get().timepoint(),
                    change, responder));
        }
        return progress;
    }

    /** The follow-up timepoints of the episode with their due dates and whether each was measured. */
    public List<Due> schedule(UUID episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        LocalDate opened = episode.openedAt.atZone(ZoneOffset.UTC).toLocalDate();
        List<OutcomeMeasurement> measurements = ofEpisode(episodeId);
        return FOLLOW_UP_WEEKS.stream().map(week -> {
            String timepoint = week == 0 ? "baseline" : "week_" + week;
            return new Due(timepoint, opened.plusWeeks(week),
                    measurements.stream().anyMatch(m -> m.timepoint.equals(timepoint)));
        }).toList();
    }

    record Dated(LocalDate on, String timepoint, OutcomeMeasurement.StoredScore score) {
    }

    public record Progress(Scale scale, java.math.BigDecimal baseline, java.math.BigDecimal latest,
                           String latestTimepoint, Change change, Boolean responder) {
    }

    public record Due(String timepoint, LocalDate dueOn, boolean measured) {
    }
}
