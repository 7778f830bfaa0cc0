package dk.clinic.treatment.patient;

import dk.clinic.platform.security.Roles;
import dk.clinic.platform.validation.Accepted;
import dk.clinic.treatment.appointment.KnownAppointments;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The patients treatment knows from booking, with the appointments booked for them. */
@Path("/api/patients")
@Tag(name = "Patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final PatientDirectory directory;
    private final KnownAppointments appointments;

    PatientResource(PatientDirectory directory, KnownAppointments appointments) {
        this.directory = directory;
        this.appointments = appointments;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getPatient",
            summary = "A patient with their booked appointments", description = "Roles: practitioner, admin.")
    public PatientOverview read(@PathParam("id") UUID id) {
        PatientReference patient = directory.require(id);
        List<PatientOverview.Appointment> booked = appointments.ofPatient(id).stream()
                .map(a -> new PatientOverview.Appointment(a.appointmentId, a.practitionerId, a.start, a.end, a.status))
                .toList();
        return new PatientOverview(patient.patientId, patient.givenName, patient.familyName, patient.birthDate,
                patient.preferredLanguage, patient.version, booked);
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "findPatients",
            summary = "Find patients by the start of their name", description = "Roles: practitioner, admin.")
    public List<PatientSummary> search(@QueryParam("name") String name,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Accepted.LAST_PAGE) int page,
                                        @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return directory.search(name, page, size).stream()
                .map(p -> new PatientSummary(p.patientId, p.givenName, p.familyName, p.birthDate,
                        p.preferredLanguage, p.version))
                .toList();
    }

    public record PatientSummary(UUID id, String givenName, String familyName, LocalDate birthDate,
                                 String preferredLanguage, long version) {
    }

    public record PatientOverview(UUID id, String givenName, String familyName, LocalDate birthDate,
                                  String preferredLanguage, long version, List<Appointment> appointments) {
        @Schema(name = "BookedAppointment")
        public record Appointment(UUID id, UUID practitionerId, Instant start, Instant end, String status) {
        }
    }
}
