package dk.clinic.booking.utilization;

import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Utilization for the clinic lead: booked over available minutes of each practitioner, room and device, per week. */
@Path("/api/utilization")
@Tag(name = "Utilization")
@Produces(MediaType.APPLICATION_JSON)
public class UtilizationResource {

    private final UtilizationService utilization;

    UtilizationResource(UtilizationService utilization) {
        this.utilization = utilization;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "utilization", summary = "Booked over available minutes, per resource and week",
            description = "Roles: analyst, admin. Available: a practitioner's working time; a room's or a device's, "
                    + "the clinic's open time (when any practitioner works). Booked: appointments that held the "
                    + "resource, no-shows included, cancellations not. At most 183 days.")
    public List<UtilizationService.WeekOfResource> utilization(
            @QueryParam("from") @NotNull @Parameter(description = "First day, clinic time.") LocalDate from,
            @QueryParam("to") @NotNull @Parameter(description = "Last day, included.") LocalDate to,
            @QueryParam("kind") @DefaultValue("practitioner") UtilizationService.ResourceKind kind) {
        return utilization.utilization(from, to, kind);
    }
}
