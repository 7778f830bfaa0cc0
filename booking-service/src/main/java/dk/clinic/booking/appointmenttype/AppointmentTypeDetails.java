package dk.clinic.booking.appointmenttype;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(examples = """
        {"code":"shockwave","name":{"da":"Shockwave-behandling","nb":"Trykkbølgebehandling","en":"Shockwave therapy"},
         "durationMinutes":20,"bufferBeforeMinutes":0,"bufferAfterMinutes":10,"modality":"radial_shockwave",
         "roomKind":"treatment","deviceKind":"radial_shockwave"}""")
public record AppointmentTypeDetails(
        @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @NotNull @Valid Names name,
        @Min(5) @Max(480) int durationMinutes,
        @Min(0) @Max(120) int bufferBeforeMinutes,
        @Min(0) @Max(120) int bufferAfterMinutes,
        @NotNull @Pattern(regexp = CODE, message = CODE_MESSAGE) String modality,
        @Pattern(regexp = CODE, message = CODE_MESSAGE) String roomKind,
        @Pattern(regexp = CODE, message = CODE_MESSAGE) String deviceKind,
        Boolean active) {

    static final String CODE = "[a-z][a-z0-9_]{1,59}";
    static final String CODE_MESSAGE = "must be a code such as dry_needling (lower case, digits, underscores)";

    /** The type's name in the clinic's languages. */
    @Schema(name = "LocalisedNames")
    public record Names(@NotBlank @Size(max = 200) String da, @NotBlank @Size(max = 200) String nb,
                        @NotBlank @Size(max = 200) String en) {
    }

    @Schema(name = "AppointmentTypeView")
    public record View(UUID id, String code, Names name, int durationMinutes, int bufferBeforeMinutes,
                       int bufferAfterMinutes, String modality, String roomKind, String deviceKind, boolean active,
                       long version) {
        static View of(AppointmentType t) {
            return new View(t.id, t.code, new Names(t.nameDa, t.nameNb, t.nameEn), t.durationMinutes,
                    t.bufferBeforeMinutes, t.bufferAfterMinutes, t.modality, t.roomKind, t.deviceKind, t.active,
                    t.version);
        }
    }
}
