package dk.clinic.booking.waitlist;

import dk.clinic.booking.clinic.ClinicTime;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** What the reception enters to put a patient on the waitlist. No practitioner: anyone who delivers the type. */
@Schema(examples = """
        {"patientId":"0f8fad5b-d9cb-469f-a165-70867728950e","appointmentTypeId":"3fa85f64-5717-4562-b3fc-2c963f66afa6",
         "earliest":"2026-12-01T08:00","latest":"2026-12-12T16:00","priority":2}""")
public record WaitlistRequest(
        @NotNull UUID patientId,
        @NotNull UUID appointmentTypeId,
        UUID practitionerId,
        @NotNull ClinicTime earliest,
        @NotNull ClinicTime latest,
        @NotNull @Min(1) @Max(5) @Schema(description = "1 = most urgent, 5 = whenever it suits") Integer priority) {
}
