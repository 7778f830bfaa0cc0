package dk.clinic.booking.series;

import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointment.AppointmentViews;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import dk.clinic.platform.validation.MultilineText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Courses of appointments (e.g. three weekly shockwave sessions) booked, moved and cancelled in one request. */
@Path("/api/series")
@Tag(name = "Series")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private final SeriesService series;
    private final AppointmentViews views;

    SeriesResource(SeriesService series, AppointmentViews views) {
        this.series = series;
        this.views = views;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "bookSeries",
            summary = "Book a series of appointments, all or nothing",
            description = "Roles: receptionist, admin. Occurrences are intervalDays apart on the clinic's wall clock "
                    + "(or exactly the local starts given); a course that needs a device stays on one unit. When any "
                    + "occurrence does not fit, 409 series-does-not-fit lists every occurrence with the reason and "
                    + "alternatives, and nothing is booked. Publishes appointment.booked per appointment.")
    @APIResponseSchema(value = SeriesView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response book(@Valid @NotNull SeriesRequest request, UriInfo uri) {
        SeriesAppointments booked = series.book(request);
        return Versions.created(uri, booked.series().id, booked.series().version, view(booked));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getSeries",
            summary = "Read a series with its appointments in position order",
            description = "Roles: receptionist, practitioner, admin. The ETag is the series' version.")
    @APIResponseSchema(value = SeriesView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        return ok(series.require(id));
    }

    @POST
    @Transactional
    @Path("/{id}/reschedule")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "rescheduleSeries",
            summary = "Move an occurrence and every following booked one by the same local shift",
            description = "Roles: receptionist, admin. Requires If-Match with the series' ETag. All or nothing: a "
                    + "refusal names the occurrence's position (409 with the taken resource and alternatives). "
                    + "Publishes appointment.rescheduled per appointment. To move one occurrence only, reschedule "
                    + "that appointment.")
    @APIResponseSchema(value = SeriesView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response reschedule(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                               @Valid @NotNull RescheduleRequest request) {
        return ok(series.reschedule(id, ifMatch, request.fromPosition(), request.start(), request.reason()));
    }

    @POST
    @Transactional
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "cancelSeries",
            summary = "Cancel an occurrence and every following one still booked",
            description = "Roles: receptionist, admin. Requires If-Match with the series' ETag. Frees the times for "
                    + "the waitlist. Publishes appointment.cancelled per appointment.")
    @APIResponseSchema(value = SeriesView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull CancelRequest request) {
        return ok(series.cancel(id, ifMatch, request.fromPosition(), request.by(), request.reason()));
    }

    private Response ok(SeriesAppointments loaded) {
        return Versions.ok(loaded.series().version, view(loaded));
    }

    private SeriesView view(SeriesAppointments loaded) {
        return SeriesView.of(loaded, views);
    }

    @Schema(name = "RescheduleSeriesRequest", examples = """
            {"fromPosition":2,"start":"2027-03-24T10:00","reason":"The patient changed shifts"}""")
    public record RescheduleRequest(@NotNull @Min(1) Integer fromPosition, @NotNull ClinicTime start,
                                    @MultilineText @Size(max = 500) String reason) {
    }

    @Schema(name = "CancelSeriesRequest", examples = """
            {"fromPosition":3,"by":"patient","reason":"Pain gone after two sessions"}""")
    public record CancelRequest(@NotNull @Min(1) Integer fromPosition, @NotNull Appointment.CancelledBy by,
                                @MultilineText @NotBlank @Size(max = 500) String reason) {
    }
}
