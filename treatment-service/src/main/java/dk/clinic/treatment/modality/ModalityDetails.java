package dk.clinic.treatment.modality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** A modality as the clinic edits it. */
public record ModalityDetails(@NotNull @Valid Names name,
                              @Min(1) @Max(50) Integer defaultSessions,
                              @Min(1) @Max(90) Integer defaultIntervalDays,
                              @Min(1) @Max(50) Integer reviewAfterSessions,
                              boolean needsDevice,
                              boolean referral,
                              @NotNull @Size(max = 30) Map<String, @NotNull @Valid ParameterRule> parameters,
                              Boolean active) {

    @Schema(name = "LocalisedNames")
    public record Names(@NotBlank @Size(max = 200) String da, @NotBlank @Size(max = 200) String nb,
                        @NotBlank @Size(max = 200) String en) {
    }

    /** What a parameter may hold: integer, number, text or list, optionally a range and a default. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ParameterRule(@NotBlank String type, Double min, Double max,
                                @JsonProperty("default")
                                @Schema(implementation = Object.class,
                                        description = "The value used when a plan gives none, of the rule's type")
                                JsonNode defaultValue) {
    }
}
