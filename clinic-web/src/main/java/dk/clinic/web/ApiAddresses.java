package dk.clinic.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api} and {@code /api/<service>} name no call of a service (those are {@code /api/<service>/<path>}, see
 * {@link dk.clinic.web.proxy.ServiceProxy}): a clear 404 as problem details, rather than the pages' fallback.
 */
@Path("/api")
@PermitAll
public class ApiAddresses {

    @GET
    public Response get() {
        return nothing();
    }

    @POST
    public Response post() {
        return nothing();
    }

    @GET
    @Path("{service}")
    public Response getService() {
        return nothing();
    }

    @POST
    @Path("{service}")
    public Response postService() {
        return nothing();
    }

    @PUT
    @Path("{service}")
    public Response putService() {
        return nothing();
    }

    @DELETE
    @Path("{service}")
    public Response deleteService() {
        return nothing();
    }

    private static Response nothing() {
        return Problems.of(404, "not-found", "Not found", "There is nothing at this address: a service call is "
                + "/api/<service>/<path>");
    }
}
