package dk.clinic.booking.appointmenttype;

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

@Path("/api/appointment-types")
@Tag(name = "Appointment types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentTypeResource {

    private final AppointmentTypeService types;

    AppointmentTypeResource(AppointmentTypeService types) {
        this.types = types;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addAppointmentType",
            summary = "Add an appointment type with its duration, buffers and required resources",
            description = "Roles: admin.")
    @APIResponseSchema(value = AppointmentTypeDetails.View.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response add(@Valid @NotNull AppointmentTypeDetails details, UriInfo uri) {
        AppointmentType type = types.add(details);
        return Versions.created(uri, type.id, type.version, AppointmentTypeDetails.View.of(type));
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeAppointmentType",
            summary = "Change an appointment type", description = "Roles: admin. Requires If-Match.")
    @APIResponseSchema(value = AppointmentTypeDetails.View.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull AppointmentTypeDetails details) {
        AppointmentType type = types.change(id, ifMatch, details);
        return Versions.ok(type.version, AppointmentTypeDetails.View.of(type));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listAppointmentTypes",
            summary = "The appointment types that can be booked", description = "Roles: receptionist, practitioner, admin.")
    public List<AppointmentTypeDetails.View> list() {
        return types.active().stream().map(AppointmentTypeDetails.View::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getAppointmentType",
            summary = "Read an appointment type", description = "Roles: receptionist, practitioner, admin.")
    @APIResponseSchema(value = AppointmentTypeDetails.View.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        AppointmentType type = types.require(id);
        return Versions.ok(type.version, AppointmentTypeDetails.View.of(type));
    }
}
