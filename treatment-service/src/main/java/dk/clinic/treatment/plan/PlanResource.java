package dk.clinic.treatment.plan;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/** Treatment plans: practitioners write them; changes need If-Match and a reason, and make a new version. */
@Path("/api/plans")
@Tag(name = "Treatment plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

    private final PlanService plans;

    PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "makePlan",
            summary = "Make the treatment plan of an episode, with goals and one or more courses",
            description = "Roles: practitioner. Courses start from the modality's defaults (dry needling: 4 weekly "
                    + "sessions, review after 4; radial shockwave: 3 weekly, 2000 impulses at 10 Hz).")
    @APIResponseSchema(value = PlanRequests.PlanView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response create(@Valid @NotNull PlanRequests.NewPlan request, UriInfo uri) {
        TreatmentPlan plan = plans.create(request);
        return Versions.created(uri, plan.id, plan.version, plans.view(plan));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getPlan",
            summary = "Read a plan with its courses", description = "Roles: practitioner, admin.")
    @APIResponseSchema(value = PlanRequests.PlanView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        return ok(plans.require(id));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listPlanVersions",
            summary = "Every version of the plan: who changed what, when and why", description = "Roles: practitioner, admin.")
    public List<PlanRequests.VersionView> versions(@PathParam("id") UUID id) {
        plans.require(id);
        return plans.versions(id);
    }

    @POST
    @Transactional
    @Path("/{id}/courses")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "addCourse",
            summary = "Add a course to the plan", description = "Roles: practitioner. Requires If-Match and a reason.")
    @APIResponseSchema(value = PlanRequests.PlanView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response addCourse(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                              @Valid @NotNull PlanRequests.AddCourse request) {
        return ok(plans.addCourse(id, ifMatch, request));
    }

    @PUT
    @Transactional
    @Path("/{id}/goals")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "changePlanGoals",
            summary = "Change the plan's goals", description = "Roles: practitioner. Requires If-Match and a reason.")
    @APIResponseSchema(value = PlanRequests.PlanView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response changeGoals(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull PlanRequests.ChangeGoals request) {
        return ok(plans.changeGoals(id, ifMatch, request));
    }

    @POST
    @Transactional
    @Path("/{id}/reviews")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "decideReview",
            summary = "Decide at a review point: continue (n more sessions), switch modality, discharge or refer",
            description = "Roles: practitioner. Requires If-Match. The decision and its reason are kept.")
    @APIResponseSchema(value = PlanRequests.ReviewView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response review(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull PlanRequests.Review request) {
        ReviewDecision decision = plans.review(id, ifMatch, request);
        TreatmentPlan plan = plans.require(id);
        return Versions.ok(plan.version, PlanRequests.ReviewView.of(decision));
    }

    @POST
    @Transactional
    @Path("/{id}/discontinue")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "discontinuePlan",
            summary = "Stop the plan before its end", description = "Roles: practitioner. Requires If-Match and a reason.")
    @APIResponseSchema(value = PlanRequests.PlanView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response discontinue(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @Valid @NotNull PlanRequests.Discontinue request) {
        return ok(plans.discontinue(id, ifMatch, request.reason()));
    }

    private Response ok(TreatmentPlan plan) {
        return Versions.ok(plan.version, plans.view(plan));
    }
}
