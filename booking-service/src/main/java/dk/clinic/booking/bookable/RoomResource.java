package dk.clinic.booking.bookable;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/rooms")
@Tag(name = "Rooms and devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomResource {

    private final Bookables bookables;

    RoomResource(Bookables bookables) {
        this.bookables = bookables;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a room", description = "Roles: admin.")
    public Response add(@Valid @NotNull BookableDetails.RoomDetails details, UriInfo uri) {
        Room room = bookables.addRoom(details);
        return Response.created(uri.getAbsolutePathBuilder().path(room.id.toString()).build())
                .tag(Versions.etag(room.version)).entity(BookableDetails.RoomView.of(room)).build();
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a room (or take it out of use)", description = "Roles: admin. Requires If-Match.")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull BookableDetails.RoomDetails details) {
        Room room = bookables.changeRoom(id, ifMatch, details);
        return Response.ok(BookableDetails.RoomView.of(room)).tag(Versions.etag(room.version)).build();
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(summary = "The clinic's rooms in use", description = "Roles: receptionist, admin.")
    public List<BookableDetails.RoomView> list() {
        return bookables.active(Room.class).stream().map(BookableDetails.RoomView::of).toList();
    }
}
