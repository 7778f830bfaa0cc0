package dk.clinic.treatment.episode;

import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Episodes of care: clinical data, for practitioners (admins read). */
@Path("/api/episodes")
@Tag(name = "Episodes of care")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EpisodeResource {

    private final EpisodeService episodes;

    EpisodeResource(EpisodeService episodes) {
        this.episodes = episodes;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "openEpisode",
            summary = "Open an episode of care with its red-flag screen",
            description = "Roles: practitioner. A positive screen must be followed by a referral decision before treatment.")
    @APIResponseSchema(value = EpisodeRequests.EpisodeView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response open(@Valid @NotNull EpisodeRequests.OpenEpisode request, UriInfo uri) {
        EpisodeOfCare episode = episodes.open(request);
        return Versions.created(uri, episode.id, episode.version, EpisodeRequests.EpisodeView.of(episode));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getEpisode",
            summary = "Read an episode", description = "Roles: practitioner, admin.")
    @APIResponseSchema(value = EpisodeRequests.EpisodeView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        EpisodeOfCare episode = episodes.require(id);
        return Versions.ok(episode.version, EpisodeRequests.EpisodeView.of(episode));
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listEpisodes",
            summary = "A patient's episodes", description = "Roles: practitioner, admin.")
    public List<EpisodeRequests.EpisodeView> ofPatient(@QueryParam("patient") @NotNull UUID patient) {
        return episodes.ofPatient(patient).stream().map(EpisodeRequests.EpisodeView::of).toList();
    }

    @POST
    @Transactional
    @Path("/{id}/referral-decision")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "decideReferral",
            summary = "Decide on a positive red-flag screen: refer, or treat with a reason",
            description = "Roles: practitioner. Requires If-Match. 'refer' ends the plan.")
    @APIResponseSchema(value = EpisodeRequests.EpisodeView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response decideReferral(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                   @Valid @NotNull EpisodeRequests.ReferralDecisionRequest request) {
        EpisodeOfCare episode = episodes.decideReferral(id, ifMatch, request);
        return Versions.ok(episode.version, EpisodeRequests.EpisodeView.of(episode));
    }

    @POST
    @Transactional
    @Path("/{id}/close")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "closeEpisode",
            summary = "Close an episode", description = "Roles: practitioner. Requires If-Match.")
    @APIResponseSchema(value = EpisodeRequests.EpisodeView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response close(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        EpisodeOfCare episode = episodes.close(id, ifMatch);
        return Versions.ok(episode.version, EpisodeRequests.EpisodeView.of(episode));
    }
}
