package dk.clinic.treatment.session;

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

import java.util.UUID;

@Path("/api/sessions")
@Tag(name = "Sessions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;

    SessionResource(SessionService sessions) {
        this.sessions = sessions;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "recordSession",
            summary = "Record a delivered session of a course",
            description = "Roles: practitioner. Refused for a closed plan, a course at its review point, or an "
                    + "episode whose positive red-flag screen awaits a referral decision.")
    @APIResponseSchema(value = SessionRequests.SessionView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response deliver(@Valid @NotNull SessionRequests.NewSession request, UriInfo uri) {
        SessionRecord session = sessions.deliver(request);
        return Versions.created(uri, session.id, session.version, SessionRequests.SessionView.of(session));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getSession",
            summary = "Read a session record", description = "Roles: practitioner, admin.")
    @APIResponseSchema(value = SessionRequests.SessionView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        SessionRecord session = sessions.require(id);
        return Versions.ok(session.version, SessionRequests.SessionView.of(session));
    }

    @PUT
    @Transactional
    @Path("/{id}/record")
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "writeSessionRecord",
            summary = "Write or correct what the session did", description = "Roles: practitioner. Requires If-Match.")
    @APIResponseSchema(value = SessionRequests.SessionView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response record(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull SessionRequests.Record record) {
        SessionRecord session = sessions.record(id, ifMatch, record);
        return Versions.ok(session.version, SessionRequests.SessionView.of(session));
    }
}
