package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What treatment-service tells others about outcome measures (topic {@code treatment.outcomes}, keyed by patient):
 * the score of each scale with which way it improves and its MCIC, never the answers.
 */
@ApplicationScoped
class OutcomeEvents {

    private final Outbox outbox;

    OutcomeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void recorded(OutcomeMeasurement measurement, UUID patientId) {
        outbox.record(EventType.OUTCOME_RECORDED, patientId.toString(), measurement.id.toString(),
                new Recorded(measurement.id, patientId, measurement.episodeId, measurement.instrument.name(),
                        measurement.timepoint, measurement.measuredOn,
                        measurement.scores.stream().map(score -> new Recorded.ScaleScore(score.scale.name(),
                                score.value, score.scale.direction() == Direction.lower_is_better ? "lower" : "higher",
                                score.scale.mcic().orElse(null))).toList()));
    }

    record Recorded(UUID measurementId, UUID patientId, UUID episodeId, String instrument, String timepoint,
                    LocalDate measuredOn, List<ScaleScore> scores) {
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record ScaleScore(String scale, BigDecimal value, String betterIs, BigDecimal mcic) {
        }
    }
}
