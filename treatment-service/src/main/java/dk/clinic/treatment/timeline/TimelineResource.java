package dk.clinic.treatment.timeline;

import dk.clinic.platform.security.Roles;
import dk.clinic.treatment.episode.EpisodeOfCare;
import dk.clinic.treatment.episode.EpisodeRequests;
import dk.clinic.treatment.episode.EpisodeService;
import dk.clinic.treatment.outcome.OutcomeResource;
import dk.clinic.treatment.outcome.OutcomeService;
import dk.clinic.treatment.plan.PlanRequests;
import dk.clinic.treatment.plan.PlanService;
import dk.clinic.treatment.plan.TreatmentPlan;
import dk.clinic.treatment.session.SessionRequests;
import dk.clinic.treatment.session.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/timeline")
@Tag(name = "Patient timeline")
@Produces(MediaType.APPLICATION_JSON)
public class TimelineResource {

    private final EpisodeService episodes;
    private final PlanService plans;
    private final SessionService sessions;
    private final OutcomeService outcomes;

    TimelineResource(EpisodeService episodes, PlanService plans, SessionService sessions, OutcomeService outcomes) {
        this.episodes = episodes;
        this.plans = plans;
        this.sessions = sessions;
        this.outcomes = outcomes;
    }

    @GET
    @Path("/{episodeId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Transactional(Transactional.TxType.SUPPORTS)
    @Operation(operationId = "getEpisodeTimeline",
            summary = "An episode with its plan versions, review decisions, sessions and outcomes, in one call",
            description = "Roles: practitioner, admin.")
    public Timeline timeline(@PathParam("episodeId") UUID episodeId) {
        EpisodeOfCare episode = episodes.require(episodeId);
        List<OutcomeResource.MeasurementView> measured = outcomes.ofEpisode(episodeId).stream()
                .map(OutcomeResource.MeasurementView::of).toList();
        TreatmentPlan plan = plans.ofEpisode(episodeId).orElse(null);
        if (plan == null) {
            return new Timeline(EpisodeRequests.EpisodeView.of(episode), null, List.of(), List.of(), List.of(), measured);
        }
        PlanRequests.PlanView view = plans.view(plan);
        List<UUID> courseIds = view.courses().stream().map(PlanRequests.CourseView::id).toList();
        return new Timeline(EpisodeRequests.EpisodeView.of(episode), view, plans.versions(plan.id),
                plans.reviews(plan.id).stream().map(PlanRequests.ReviewView::of).toList(),
                sessions.ofCourses(courseIds).stream().map(SessionRequests.SessionView::of).toList(), measured);
    }
}
