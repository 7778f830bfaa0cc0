package dk.clinic.booking.appointment;

import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

@Path("/api/appointments")
@Tag(name = "Appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private final AppointmentService appointments;

    AppointmentResource(AppointmentService appointments) {
        this.appointments = appointments;
    }

    @POST
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(summary = "Book an appointment",
            description = "Roles: receptionist, admin. 409 when the practitioner is taken. Publishes appointment.booked.")
    public Response book(@Valid @NotNull BookingRequest request, UriInfo uri) {
        Appointment appointment = appointments.book(request.patientId(), request.practitionerId(),
                request.start().toInstant(), request.end().toInstant());
        return Response.created(uri.getAbsolutePathBuilder().path(appointment.id.toString()).build())
                .tag(Versions.etag(appointment.version))
                .entity(AppointmentView.of(appointment)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(summary = "Read an appointment", description = "Roles: receptionist, admin.")
    public Response read(@PathParam("id") UUID id) {
        Appointment appointment = appointments.require(id);
        return Response.ok(AppointmentView.of(appointment)).tag(Versions.etag(appointment.version)).build();
    }

    public record BookingRequest(@NotNull UUID patientId, @NotNull UUID practitionerId,
                                 @NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {
    }

    public record AppointmentView(UUID id, UUID patientId, UUID practitionerId, Instant start, Instant end,
                                  AppointmentStatus status, long version) {
        static AppointmentView of(Appointment a) {
            return new AppointmentView(a.id, a.patientId, a.practitionerId, a.start, a.end, a.status, a.version);
        }
    }
}
