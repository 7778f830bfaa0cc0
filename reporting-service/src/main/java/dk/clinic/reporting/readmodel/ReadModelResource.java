package dk.clinic.reporting.readmodel;

import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The read model itself: how much it holds, and its rebuild from the events it was built from. */
@Path("/api/read-model")
@Tag(name = "Read model")
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    private final ReadModelRebuild rebuild;
    private final EventLog log;

    ReadModelResource(ReadModelRebuild rebuild, EventLog log) {
        this.rebuild = rebuild;
        this.log = log;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "readModelState", summary = "How many events the read model was built from",
            description = "Roles: analyst, admin.")
    public State state() {
        return new State(log.size());
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rebuildReadModel", summary = "Empty the read model and replay every event into it",
            description = "Roles: admin. In one transaction: reports answer from the old figures until it commits, "
                    + "and events arriving meanwhile are applied after it. The figures afterwards are the same.")
    public ReadModelRebuild.Result rebuild() {
        return rebuild.rebuild();
    }

    /** @param events how many events the read model holds */
    public record State(long events) {
    }
}
