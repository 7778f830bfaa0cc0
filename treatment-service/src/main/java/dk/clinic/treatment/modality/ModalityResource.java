package dk.clinic.treatment.modality;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/modalities")
@Tag(name = "Modalities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModalityResource {

    private final ModalityCatalogue catalogue;

    ModalityResource(ModalityCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.RECEPTIONIST, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "listModalities",
            summary = "The modalities the clinic offers, with their defaults and session parameters",
            description = "Roles: practitioner, receptionist, analyst, admin.")
    public List<View> list() {
        return catalogue.active().stream().map(View::of).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.RECEPTIONIST, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getModality",
            summary = "One modality", description = "Roles: practitioner, receptionist, analyst, admin.")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("code") String code) {
        Modality modality = catalogue.require(code);
        return Versions.ok(modality.version, View.of(modality));
    }

    @PUT
    @Transactional
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "saveModality",
            summary = "Add a modality to the catalogue or change one",
            description = "Roles: admin. Changing an existing modality requires If-Match.")
    @APIResponseSchema(value = View.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response save(@PathParam("code") @Pattern(regexp = "[a-z][a-z0-9_]{1,59}",
                                 message = "must be a code such as dry_needling") String code,
                         @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                         @Valid @NotNull ModalityDetails details) {
        Modality modality = catalogue.save(code, ifMatch, details);
        return Versions.ok(modality.version, View.of(modality));
    }

    @Schema(name = "ModalityView")
    public record View(String code, ModalityDetails.Names name, Integer defaultSessions, Integer defaultIntervalDays,
                       Integer reviewAfterSessions, boolean needsDevice, boolean referral,
                       @JsonRawValue @Schema(implementation = Object.class) String parameters, boolean active,
                       long version) {
        static View of(Modality m) {
            return new View(m.code, new ModalityDetails.Names(m.nameDa, m.nameNb, m.nameEn), m.defaultSessions,
                    m.defaultIntervalDays, m.reviewAfterSessions, m.needsDevice, m.referral, m.parameters, m.active,
                    m.version);
        }
    }
}
