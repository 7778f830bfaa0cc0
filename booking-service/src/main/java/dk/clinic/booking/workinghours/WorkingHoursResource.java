package dk.clinic.booking.workinghours;

import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Working hours, absences and extra hours per practitioner, and the clinic's closed days. */
@Path("/api")
@Tag(name = "Working hours")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkingHoursResource {

    /** The longest period of absences and extra hours one request lists. */
    static final int LONGEST_PERIOD_DAYS = 366;

    private final WorkingHoursService schedule;
    private final ClinicService clinics;

    WorkingHoursResource(WorkingHoursService schedule, ClinicService clinics) {
        this.schedule = schedule;
        this.clinics = clinics;
    }

    @PUT
    @Transactional
    @Path("/working-hours/{practitionerId}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "replaceWorkingHours",
            summary = "Replace a practitioner's weekly hours (local clinic time, breaks cut out)",
            description = "Roles: admin.")
    public WeeklyHours replaceWeeklyHours(@PathParam("practitionerId") UUID practitioner, @Valid @NotNull WeeklyHours hours) {
        return schedule.replaceWeeklyHours(practitioner, hours);
    }

    @GET
    @Path("/working-hours/{practitionerId}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getWorkingHours",
            summary = "A practitioner's weekly hours", description = "Roles: receptionist, practitioner, admin.")
    public WeeklyHours weeklyHours(@PathParam("practitionerId") UUID practitioner) {
        return schedule.weeklyHours(practitioner);
    }

    @POST
    @Transactional
    @Path("/availability-exceptions")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "recordAvailabilityException",
            summary = "Record an absence or extra hours (local clinic time)",
            description = "Roles: receptionist, admin. A time the clocks skip is refused.")
    @APIResponseSchema(value = ExceptionView.class, responseCode = "201", responseDescription = "Created")
    public Response addException(@Valid @NotNull ExceptionRequest request) {
        AvailabilityException exception = schedule.addException(request.practitionerId(), request.kind(), request.start(),
                request.end(), request.reason());
        return Response.status(Response.Status.CREATED).entity(ExceptionView.of(exception, clinics)).build();
    }

    @GET
    @Path("/availability-exceptions")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listAvailabilityExceptions",
            summary = "A practitioner's absences and extra hours in a period of local days",
            description = "Roles: receptionist, practitioner, admin.")
    public List<ExceptionView> exceptions(@QueryParam("practitioner") @NotNull UUID practitioner,
                                          @QueryParam("from") @NotNull LocalDate from,
                                          @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusDays(LONGEST_PERIOD_DAYS).isBefore(to)) {
            throw ProblemException.invalid("to", "must be within " + LONGEST_PERIOD_DAYS + " days of from");
        }
        var calendar = clinics.calendar();
        return schedule.exceptions(practitioner, calendar.startOfDay(from), calendar.startOfDay(to.plusDays(1)))
                .stream().map(e -> ExceptionView.of(e, clinics)).toList();
    }

    @DELETE
    @Transactional
    @Path("/availability-exceptions/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "removeAvailabilityException",
            summary = "Remove an absence or extra hours", description = "Roles: receptionist, admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeException(@PathParam("id") UUID exception) {
        schedule.removeException(exception);
        return Response.noContent().build();
    }

    @POST
    @Transactional
    @Path("/closures")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "closeClinic",
            summary = "Close the clinic on whole local days (e.g. a public holiday)", description = "Roles: admin.")
    @APIResponseSchema(value = ClinicClosure.class, responseCode = "201", responseDescription = "Created")
    public Response addClosure(@Valid @NotNull ClosureRequest request) {
        ClinicClosure closure = schedule.addClosure(request.firstDay(), request.lastDay(), request.reason());
        return Response.status(Response.Status.CREATED).entity(closure).build();
    }

    @GET
    @Path("/closures")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listClosures",
            summary = "The clinic's closed days in a period", description = "Roles: receptionist, practitioner, admin.")
    public List<ClinicClosure> closures(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        return schedule.closures(from, to);
    }

    @DELETE
    @Transactional
    @Path("/closures/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reopenClinic",
            summary = "Reopen days that were closed", description = "Roles: admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response removeClosure(@PathParam("id") UUID id) {
        schedule.removeClosure(id);
        return Response.noContent().build();
    }

    public record ExceptionRequest(@NotNull UUID practitionerId, @NotNull AvailabilityException.Kind kind, @NotNull ClinicTime start,
                                   @NotNull ClinicTime end, @Size(max = 200) String reason) {
    }

    public record ExceptionView(UUID id, UUID practitionerId, AvailabilityException.Kind kind, ClinicTime start,
                                ClinicTime end, String reason) {
        static ExceptionView of(AvailabilityException e, ClinicService clinics) {
            var calendar = clinics.calendar();
            return new ExceptionView(e.id, e.practitionerId, e.kind, calendar.clinicTime(e.start), calendar.clinicTime(e.end), e.reason);
        }
    }

    public record ClosureRequest(@NotNull LocalDate firstDay, @NotNull LocalDate lastDay,
                                 @NotBlank @Size(max = 200) String reason) {
    }
}
