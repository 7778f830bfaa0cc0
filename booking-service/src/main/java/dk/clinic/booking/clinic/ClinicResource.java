package dk.clinic.booking.clinic;

import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/clinic")
@Tag(name = "Clinic")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClinicResource {

    private final ClinicService clinics;

    ClinicResource(ClinicService clinics) {
        this.clinics = clinics;
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getClinicSettings",
            summary = "The clinic's time zone and policies", description = "Roles: receptionist, practitioner, admin.")
    @APIResponseSchema(value = ClinicSettings.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read() {
        Clinic clinic = clinics.current();
        return Versions.ok(clinic.version, ClinicSettings.of(clinic));
    }

    @PUT
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changeClinicSettings",
            summary = "Change the clinic's time zone and policies", description = "Roles: admin. Requires If-Match.")
    @APIResponseSchema(value = ClinicSettings.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response update(@HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull ClinicSettings settings) {
        Clinic clinic = clinics.update(ifMatch, settings);
        return Versions.ok(clinic.version, ClinicSettings.of(clinic));
    }
}
