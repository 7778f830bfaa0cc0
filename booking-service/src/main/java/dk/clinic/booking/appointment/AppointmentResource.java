package dk.clinic.booking.appointment;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import dk.clinic.platform.validation.Accepted;
import dk.clinic.platform.validation.MultilineText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/appointments")
@Tag(name = "Appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentResource {

    private final Booking booking;
    private final Lifecycle lifecycle;
    private final Appointments appointments;
    private final Trail trail;
    private final ClinicService clinics;
    private final AppointmentViews views;

    AppointmentResource(Booking booking, Lifecycle lifecycle, Appointments appointments, Trail trail,
                        ClinicService clinics, AppointmentViews views) {
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.appointments = appointments;
        this.trail = trail;
        this.clinics = clinics;
        this.views = views;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "bookAppointment",
            summary = "Book an appointment",
            description = "Roles: receptionist, admin. Holds the practitioner, a room and a device as the type needs, "
                    + "buffers included, atomically. 409 names the taken resource and offers the next free times. "
                    + "Publishes appointment.booked.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response book(@Valid @NotNull BookingRequest request, UriInfo uri) {
        Appointment appointment = booking.book(request.patientId(), request.appointmentTypeId(),
                request.practitionerId(), request.roomId(), request.deviceId(), request.start(), request.note());
        return Versions.created(uri, appointment.id, appointment.version, view(appointment));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listAppointments",
            summary = "Appointments, filtered and paged (X-Total-Count has the total)",
            description = "Roles: receptionist, practitioner, admin. from/to are local clinic days; flagged=true lists "
                    + "appointments the reception should act on (e.g. their treatment plan ended).")
    @APIResponse(responseCode = "200", description = "One page, in order; X-Total-Count has the total",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AppointmentView.class)))
    public Response list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                         @QueryParam("practitioner") UUID practitioner, @QueryParam("room") UUID room,
                         @QueryParam("device") UUID device, @QueryParam("patient") UUID patient,
                         @QueryParam("status") AppointmentStatus status,
                         @QueryParam("flagged") Boolean flagged,
                         @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Accepted.LAST_PAGE) int page,
                         @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        var calendar = clinics.calendar();
        var result = appointments.page(new AppointmentQuery(from == null ? null : calendar.startOfDay(from),
                to == null ? null : calendar.startOfDay(to.plusDays(1)), practitioner, room, device, patient, status,
                flagged), page, size);
        return Response.ok(views.all(result.page()))
                .header("X-Total-Count", result.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getAppointment",
            summary = "Read an appointment", description = "Roles: receptionist, practitioner, admin. The ETag is its version.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        return ok(appointments.require(id));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "getAppointmentHistory",
            summary = "The appointment's audit trail: who changed what, when", description = "Roles: receptionist, admin.")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return trail.of(id).stream()
                .map(h -> new HistoryEntry(h.at, h.by, h.action, h.details)).toList();
    }

    @POST
    @Transactional
    @Path("/{id}/reschedule")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "rescheduleAppointment",
            summary = "Move an appointment to another time",
            description = "Roles: receptionist, admin. Requires If-Match. Keeps its history; frees the old time for the waitlist.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull RescheduleRequest request) {
        return ok(booking.reschedule(id, ifMatch, request.start(), request.reason()));
    }

    @POST
    @Transactional
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "cancelAppointment",
            summary = "Cancel an appointment",
            description = "Roles: receptionist, admin. Requires If-Match. A patient's cancellation inside the clinic's "
                    + "notice is marked late. Frees the time for the waitlist.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        return ok(lifecycle.cancel(id, ifMatch, request.by(), request.reason()));
    }

    @POST
    @Transactional
    @Path("/{id}/arrive")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "checkInPatient",
            summary = "Check the patient in",
            description = "Roles: receptionist, admin. Requires If-Match. From 24 hours before the start; earlier is "
                    + "409 too-early.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response arrive(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.arrive(id, ifMatch));
    }

    @POST
    @Transactional
    @Path("/{id}/fulfil")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "fulfilAppointment",
            summary = "Mark the appointment as delivered",
            description = "Roles: receptionist, practitioner, admin. Requires If-Match. From 24 hours before the "
                    + "start; earlier is 409 too-early.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response fulfil(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.fulfil(id, ifMatch));
    }

    @POST
    @Transactional
    @Path("/{id}/no-show")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "recordNoShow",
            summary = "Record that the patient did not come",
            description = "Roles: receptionist, admin. Requires If-Match. Once the start has passed; before it is 409 "
                    + "not-started.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response noShow(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return ok(lifecycle.noShow(id, ifMatch));
    }

    private Response ok(Appointment appointment) {
        return Versions.ok(appointment.version, view(appointment));
    }

    private AppointmentView view(Appointment appointment) {
        return views.of(appointment);
    }

    @Schema(examples = """
            {"patientId":"0f8fad5b-d9cb-469f-a165-70867728950e","appointmentTypeId":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
             "practitionerId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","start":"2026-12-01T09:00"}""")
    public record BookingRequest(@NotNull UUID patientId, @NotNull UUID appointmentTypeId, @NotNull UUID practitionerId,
                                 UUID roomId, UUID deviceId, @NotNull ClinicTime start,
                                 @MultilineText @Size(max = 1000) String note) {
    }

    @Schema(name = "RescheduleAppointmentRequest", examples = """
            {"start":"2026-12-08T10:30","reason":"Patient asked for a later time"}""")
    public record RescheduleRequest(@NotNull ClinicTime start, @MultilineText @Size(max = 500) String reason) {
    }

    @Schema(name = "CancelAppointmentRequest", examples = """
            {"by":"patient","reason":"Ill"}""")
    public record CancelRequest(@NotNull Appointment.CancelledBy by,
                                @MultilineText @NotBlank @Size(max = 500) String reason) {
    }

    public record HistoryEntry(Instant at, String by, String action,
                               @JsonRawValue @Schema(implementation = Object.class) String details) {
    }
}
