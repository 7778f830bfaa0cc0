package dk.clinic.booking.practitioner;

import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.util.List;
import java.util.UUID;

@Path("/api/practitioners")
@Tag(name = "Practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PractitionerResource {

    private final PractitionerService practitioners;

    PractitionerResource(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a practitioner", description = "Roles: admin.")
    public Response add(@Valid @NotNull NewPractitioner request, UriInfo uri) {
        Practitioner practitioner = practitioners.add(request.name(), request.profession());
        return Response.created(uri.getAbsolutePathBuilder().path(practitioner.id.toString()).build())
                .entity(PractitionerView.of(practitioner)).build();
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(summary = "The clinic's active practitioners", description = "Roles: receptionist, practitioner, admin.")
    public List<PractitionerView> list() {
        return practitioners.active().stream().map(PractitionerView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(summary = "Read a practitioner", description = "Roles: receptionist, practitioner, admin.")
    public PractitionerView read(@PathParam("id") UUID id) {
        return PractitionerView.of(practitioners.require(id));
    }

    public record NewPractitioner(@NotBlank @Size(max = 200) String name, @NotNull Practitioner.Profession profession) {
    }

    public record PractitionerView(UUID id, String name, Practitioner.Profession profession, boolean active) {
        static PractitionerView of(Practitioner p) {
            return new PractitionerView(p.id, p.name, p.profession, p.active);
        }
    }
}
