package dk.clinic.booking.schedulingrequest;

import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sessions treatment plans asked to have booked: the reception books them as a series (schedulingRequestId). */
@Path("/api/scheduling-requests")
@Tag(name = "Scheduling requests")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulingRequestResource {

    private final SchedulingRequestService requests;

    SchedulingRequestResource(SchedulingRequestService requests) {
        this.requests = requests;
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "listSchedulingRequests",
            summary = "Scheduling requests from treatment plans, oldest first",
            description = "Roles: receptionist, admin. Book one with POST /api/series and its schedulingRequestId.")
    public List<View> list(@QueryParam("status") @DefaultValue("open") SchedulingRequest.Status status) {
        return requests.withStatus(status).stream().map(View::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "getSchedulingRequest",
            summary = "One scheduling request", description = "Roles: receptionist, admin.")
    public View read(@PathParam("id") UUID id) {
        return View.of(requests.require(id));
    }

    @Schema(name = "SchedulingRequestView")
    public record View(UUID id, UUID patientId, UUID planId, UUID courseId, String modality, int sessions,
                       int intervalDays, UUID practitionerPreference, boolean deviceNeeded, boolean autoBook,
                       String reason, SchedulingRequest.Status status, UUID seriesId, Instant receivedAt) {
        static View of(SchedulingRequest r) {
            return new View(r.id, r.patientId, r.planId, r.courseId, r.modality, r.sessions, r.intervalDays,
                    r.practitionerPreference, r.deviceNeeded, r.autoBook, r.reason, r.status, r.seriesId, r.receivedAt);
        }
    }
}
