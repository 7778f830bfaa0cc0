package dk.clinic.booking.patient;

import dk.clinic.platform.rest.Versions;
import dk.clinic.platform.security.Roles;
import dk.clinic.platform.validation.Accepted;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

/** Patients as the reception registers them. Contact details are for the reception and admins only. */
@Path("/api/patients")
@Tag(name = "Patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final PatientService patients;

    PatientResource(PatientService patients) {
        this.patients = patients;
    }

    @POST
    @Transactional
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "registerPatient",
            summary = "Register a patient", description = "Roles: receptionist, admin. Publishes patient.registered.")
    @APIResponseSchema(value = PatientView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response register(@Valid @NotNull PatientDetails details, UriInfo uri) {
        Patient patient = patients.register(details);
        return Versions.created(uri, patient.id, patient.version, PatientView.of(patient));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "getPatient",
            summary = "Read a patient", description = "Roles: receptionist, admin. The ETag is the version to send in If-Match.")
    @APIResponseSchema(value = PatientView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response read(@PathParam("id") UUID id) {
        Patient patient = patients.require(id);
        return Versions.ok(patient.version, PatientView.of(patient));
    }

    @PUT
    @Transactional
    @Path("/{id}")
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "correctPatient",
            summary = "Correct a patient's details",
            description = "Roles: receptionist, admin. Requires If-Match with the current ETag (428 without, 412 when stale). Publishes patient.changed.")
    @APIResponseSchema(value = PatientView.class, responseCode = "200",
            responseDescription = "As it is now; the ETag is its version")
    public Response correct(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull PatientDetails details) {
        Patient patient = patients.correct(id, ifMatch, details);
        return Versions.ok(patient.version, PatientView.of(patient));
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "findPatients",
            summary = "Find patients by the start of their name", description = "Roles: receptionist, admin.")
    public List<PatientView> search(@QueryParam("name") String name,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Accepted.LAST_PAGE) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return patients.search(name, page, size).stream().map(PatientView::of).toList();
    }
}
