package dk.clinic.treatment.scheduling;

import dk.clinic.platform.security.Roles;
import dk.clinic.treatment.plan.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/adherence")
@Tag(name = "Treatment plans")
@Produces(MediaType.APPLICATION_JSON)
public class AdherenceResource {

    private final CourseAppointments appointments;
    private final PlanService plans;

    AdherenceResource(CourseAppointments appointments, PlanService plans) {
        this.appointments = appointments;
        this.plans = plans;
    }

    @GET
    @Path("/{planId}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getPlanAdherence",
            summary = "Per course: appointments booked, kept, cancelled and missed (from booking's events)",
            description = "Roles: practitioner, admin.")
    public List<CourseAppointments.Adherence> adherence(@PathParam("planId") UUID planId) {
        plans.require(planId);
        return appointments.adherence(planId);
    }
}
