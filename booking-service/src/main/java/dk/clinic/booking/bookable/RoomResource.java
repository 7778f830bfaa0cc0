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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
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
    @Operation(operationId = "addRoom",
            summary = "Add a room", description = "Roles: admin.")
    @APIResponseSchema(value = BookableDetails.RoomView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response add(@Valid @NotNull BookableDetails.RoomDetails details, UriInfo uri) {
        Room room = bookables.add(Room::new, details);
        return Versions.created(uri, room.id, room.version, BookableDetails.RoomView.of(room));
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeRoom",
            summary = "Change a room (or take it out of use)", description = "Roles: admin. Requires If-Match.")
    @APIResponseSchema(value = BookableDetails.RoomView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull BookableDetails.RoomDetails details) {
        Room room = bookables.change(Room.class, id, ifMatch, details);
        return Versions.ok(room.version, BookableDetails.RoomView.of(room));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "listRooms",
            summary = "The clinic's rooms in use", description = "Roles: receptionist, admin.")
    public List<BookableDetails.RoomView> list() {
        return bookables.active(Room.class).stream().map(BookableDetails.RoomView::of).toList();
    }
}
