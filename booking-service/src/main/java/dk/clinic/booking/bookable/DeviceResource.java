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

@Path("/api/devices")
@Tag(name = "Rooms and devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final Bookables bookables;

    DeviceResource(Bookables bookables) {
        this.bookables = bookables;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addDevice",
            summary = "Add a device (e.g. a radial shockwave unit)", description = "Roles: admin.")
    @APIResponseSchema(value = BookableDetails.DeviceView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response add(@Valid @NotNull BookableDetails.DeviceDetails details, UriInfo uri) {
        Device device = bookables.add(Device::new, details);
        return Versions.created(uri, device.id, device.version, BookableDetails.DeviceView.of(device));
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeDevice",
            summary = "Change a device (or take it out of use)", description = "Roles: admin. Requires If-Match.")
    @APIResponseSchema(value = BookableDetails.DeviceView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull BookableDetails.DeviceDetails details) {
        Device device = bookables.change(Device.class, id, ifMatch, details);
        return Versions.ok(device.version, BookableDetails.DeviceView.of(device));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "listDevices",
            summary = "The clinic's devices in use", description = "Roles: receptionist, admin.")
    public List<BookableDetails.DeviceView> list() {
        return bookables.active(Device.class).stream().map(BookableDetails.DeviceView::of).toList();
    }
}
