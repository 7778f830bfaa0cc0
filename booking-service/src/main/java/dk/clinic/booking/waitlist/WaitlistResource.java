package dk.clinic.booking.waitlist;

import dk.clinic.booking.appointment.Appointment;
import dk.clinic.booking.appointment.AppointmentView;
import dk.clinic.booking.appointment.AppointmentViews;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

@Path("/api/waitlist")
@Tag(name = "Waitlist")
@Produces(MediaType.APPLICATION_JSON)
public class WaitlistResource {

    private final WaitlistService waitlist;
    private final ClinicService clinics;
    private final AppointmentViews appointments;

    WaitlistResource(WaitlistService waitlist, ClinicService clinics, AppointmentViews appointments) {
        this.waitlist = waitlist;
        this.clinics = clinics;
        this.appointments = appointments;
    }

    @POST
    @Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "addToWaitlist",
            summary = "Put a patient on the waitlist",
            description = "Roles: receptionist, admin. earliest and latest are local clinic times; the appointment may "
                    + "start from earliest and must start before latest. Priority 1 is the most urgent. When matching "
                    + "time frees up, the patient gets an offer (waitlist.offer-made) that expires.")
    @APIResponseSchema(value = WaitlistEntryView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response add(@Valid @NotNull WaitlistRequest request, UriInfo uri) {
        WaitlistEntry entry = waitlist.add(request);
        return Versions.created(uri, entry.id, entry.version, view(entry));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "listWaitlist",
            summary = "Waitlist entries, most urgent first", description = "Roles: receptionist, admin.")
    public List<WaitlistEntryView> list(
            @QueryParam("status") @Parameter(description = "waiting, offered, booked or withdrawn") String status,
            @QueryParam("patient") UUID patient) {
        return waitlist.entries(parse(WaitlistEntry.Status.class, "status", status), patient).stream()
                .map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "getWaitlistEntry",
            summary = "Read a waitlist entry", description = "Roles: receptionist, admin. The ETag is its version.")
    @APIResponseSchema(value = WaitlistEntryView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        WaitlistEntry entry = waitlist.require(id);
        return Versions.ok(entry.version, view(entry));
    }

    @DELETE
    @Transactional
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "removeFromWaitlist",
            summary = "Take a patient off the waitlist",
            description = "Roles: receptionist, admin. Requires If-Match. The entry stays, withdrawn; an open offer is "
                    + "declined and goes to the next patient.")
    @APIResponseSchema(value = WaitlistEntryView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response withdraw(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        WaitlistEntry entry = waitlist.withdraw(id, ifMatch);
        return Versions.ok(entry.version, view(entry));
    }

    @GET
    @Path("/offers")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "listWaitlistOffers",
            summary = "Offers made from the waitlist, newest first", description = "Roles: receptionist, admin.")
    public List<WaitlistOfferView> offers(
            @QueryParam("status") @Parameter(description = "open, accepted, expired or declined") String status) {
        return waitlist.offers(parse(WaitlistOffer.Status.class, "status", status));
    }

    @POST
    @Transactional
    @Path("/offers/{id}/accept")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "acceptWaitlistOffer",
            summary = "The patient takes the offered time: book it",
            description = "Roles: receptionist, admin. Books like POST /api/appointments and answers with the "
                    + "appointment: 409 with alternatives when the time was taken meanwhile, 410 when the offer has "
                    + "expired. An offer is answered once, so no If-Match is needed.")
    @APIResponseSchema(value = AppointmentView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response accept(@PathParam("id") UUID id, UriInfo uri) {
        Appointment appointment = waitlist.accept(id);
        return Response.created(uri.getBaseUriBuilder().path("api/appointments/{id}").build(appointment.id))
                .tag(Versions.etag(appointment.version))
                .entity(appointments.of(appointment)).build();
    }

    @POST
    @Transactional
    @Path("/offers/{id}/decline")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "declineWaitlistOffer",
            summary = "The patient does not want the offered time",
            description = "Roles: receptionist, admin. The patient waits again; the time is offered to the next "
                    + "matching patient. 410 when the offer has expired. An offer is answered once, so no If-Match "
                    + "is needed.")
    public WaitlistOfferView decline(@PathParam("id") UUID id) {
        return waitlist.decline(id);
    }

    /** A status filter; an unknown one is a 400 naming the parameter (JAX-RS would answer 404). */
    private static <S extends Enum<S>> S parse(Class<S> statuses, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(statuses, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.stream(statuses.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private WaitlistEntryView view(WaitlistEntry entry) {
        return WaitlistEntryView.of(entry, clinics.calendar());
    }
}
