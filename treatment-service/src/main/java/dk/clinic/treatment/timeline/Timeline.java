package dk.clinic.treatment.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.treatment.episode.EpisodeRequests;
import dk.clinic.treatment.outcome.OutcomeResource;
import dk.clinic.treatment.plan.PlanRequests;
import dk.clinic.treatment.session.SessionRequests;

import java.util.List;

/** An episode with everything that happened in it (plan versions, reviews, sessions, outcomes), in one answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Timeline(EpisodeRequests.EpisodeView episode,
                       PlanRequests.PlanView plan,
                       List<PlanRequests.VersionView> planVersions,
                       List<PlanRequests.ReviewView> reviews,
                       List<SessionRequests.SessionView> sessions,
                       List<OutcomeResource.MeasurementView> outcomes) {
}
