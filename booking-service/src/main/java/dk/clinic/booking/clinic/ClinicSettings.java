package dk.clinic.booking.clinic;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(examples = """
        {"name":"Klinikken Nørrebro","timeZone":"Europe/Copenhagen","lateCancellationNoticeHours":24,
         "reminderLeadHours":24,"waitlistOfferMinutes":120,"slotStepMinutes":15}""")
public record ClinicSettings(
        @NotBlank @Size(max = 200) String name,
        @NotBlank String timeZone,
        @Min(0) @Max(168) int lateCancellationNoticeHours,
        @Min(1) @Max(336) int reminderLeadHours,
        @Min(5) @Max(10080) int waitlistOfferMinutes,
        @Min(5) @Max(60) int slotStepMinutes) {

    static ClinicSettings of(Clinic clinic) {
        return new ClinicSettings(clinic.name, clinic.timeZone, clinic.lateCancellationNoticeHours,
                clinic.reminderLeadHours, clinic.waitlistOfferMinutes, clinic.slotStepMinutes);
    }
}
