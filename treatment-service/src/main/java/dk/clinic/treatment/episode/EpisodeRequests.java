package dk.clinic.treatment.episode;

import dk.clinic.platform.validation.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public final class EpisodeRequests {

    private EpisodeRequests() {
    }

    @Schema(examples = """
            {"patientId":"0f8fad5b-d9cb-469f-a165-70867728950e","condition":"plantar_heel_pain","side":"right",
             "symptomWeeks":12,"load":{"weightKg":92.5,"runs":true,"standingWork":true,"footwear":"Flat work shoes"},
             "referralSource":"GP","redFlags":{"noImprovement":false,"swellingRednessWarmth":false,
             "cannotStandOrWalk":false,"systemicDisease":false}}""")
    public record OpenEpisode(@NotNull UUID patientId,
                              @NotNull EpisodeOfCare.Condition condition,
                              @MultilineText @Size(max = 500) String conditionNote,
                              @NotNull EpisodeOfCare.Side side,
                              @Min(0) @Max(2600) Integer symptomWeeks,
                              @Valid Load load,
                              @Size(max = 100) String referralSource,
                              @NotNull @Valid RedFlags redFlags) {
    }

    @Schema(name = "LoadFactors")
    public record Load(@DecimalMin("20") @DecimalMax("400") BigDecimal weightKg, boolean runs, boolean standingWork,
                       @Size(max = 200) String footwear) {
    }

    /** The red-flag screen: every answer is required, a screen with a gap is not a screen. */
    public record RedFlags(@NotNull Boolean noImprovement, @NotNull Boolean swellingRednessWarmth,
                           @NotNull Boolean cannotStandOrWalk, @NotNull Boolean systemicDisease,
                           @MultilineText @Size(max = 1000) String note) {
    }

    public record ReferralDecisionRequest(@NotNull EpisodeOfCare.ReferralDecision decision,
                                          @MultilineText @NotBlank @Size(max = 1000) String reason) {
    }

    public record EpisodeView(UUID id, UUID patientId, EpisodeOfCare.Condition condition, String conditionNote,
                              EpisodeOfCare.Side side, Integer symptomWeeks, Load load, String referralSource,
                              RedFlags redFlags, boolean redFlagPositive, boolean referralDecisionRequired,
                              EpisodeOfCare.ReferralDecision referralDecision, String referralReason,
                              EpisodeOfCare.Status status, Instant openedAt, String openedBy, long version) {
        public static EpisodeView of(EpisodeOfCare e) {
            return new EpisodeView(e.id, e.patientId, e.condition, e.conditionNote, e.side, e.symptomWeeks,
                    new Load(e.weightKg, e.runs, e.standingWork, e.footwear), e.referralSource,
                    new RedFlags(e.noImprovement, e.swellingRednessWarmth, e.cannotStandOrWalk, e.systemicDisease,
                            e.redFlagNote),
                    e.anyRedFlag(), e.awaitsReferralDecision(), e.referralDecision, e.referralReason, e.status,
                    e.openedAt, e.openedBy, e.version);
        }
    }
}
