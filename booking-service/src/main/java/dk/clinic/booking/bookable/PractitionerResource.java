package dk.clinic.booking.bookable;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/practitioners")
@Tag(name = "Practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PractitionerResource {

    private final Bookables bookables;

    PractitionerResource(Bookables bookables) {
        this.bookables = bookables;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addPractitioner",
            summary = "Add a practitioner with the modalities they may deliver", description = "Roles: admin.")
    @APIResponseSchema(value = BookableDetails.PractitionerView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response add(@Valid @NotNull BookableDetails.PractitionerDetails details, UriInfo uri) {
        Practitioner practitioner = bookables.add(Practitioner::new, details);
        return Versions.created(uri, practitioner.id, practitioner.version, BookableDetails.PractitionerView.of(practitioner));
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changePractitioner",
            summary = "Change a practitioner", description = "Roles: admin. Requires If-Match.")
    @APIResponseSchema(value = BookableDetails.PractitionerView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response change(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @Valid @NotNull BookableDetails.PractitionerDetails details) {
        Practitioner practitioner = bookables.change(Practitioner.class, id, ifMatch, details);
        return Versions.ok(practitioner.version, BookableDetails.PractitionerView.of(practitioner));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listPractitioners",
            summary = "The clinic's active practitioners, optionally only those who deliver a modality",
            description = "Roles: receptionist, practitioner, admin.")
    public List<BookableDetails.PractitionerView> list(@QueryParam("modality") String modality) {
        List<Practitioner> practitioners = modality == null
                ? bookables.active(Practitioner.class) : bookables.practitionersDelivering(modality);
        return practitioners.stream().map(BookableDetails.PractitionerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getPractitioner",
            summary = "Read a practitioner", description = "Roles: receptionist, practitioner, admin.")
    @APIResponseSchema(value = BookableDetails.PractitionerView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        Practitioner practitioner = bookables.require(Practitioner.class, id);
        return Versions.ok(practitioner.version, BookableDetails.PractitionerView.of(practitioner));
    }
}
