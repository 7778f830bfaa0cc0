package dk.clinic.treatment.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.platform.validation.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class PlanRequests {

    private PlanRequests() {
    }

    @Schema(examples = """
            {"episodeId":"0f8fad5b-d9cb-469f-a165-70867728950e","goals":["Walk 30 minutes without heel pain"],
             "courses":[{"modality":"dry_needling"},{"modality":"exercise_programme","plannedSessions":6}]}""")
    public record NewPlan(@NotNull UUID episodeId,
                          @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 300) String> goals,
                          @NotEmpty @Size(max = 10) List<@NotNull @Valid NewCourse> courses) {
    }

    /** A course; what is left out comes from the modality's defaults. */
    @Schema(examples = """
            {"modality":"radial_shockwave","plannedSessions":3,"intervalDays":7,"parameters":{"impulses":2000,"frequencyHz":10}}""")
    public record NewCourse(@NotBlank String modality,
                            @Min(1) @Max(50) Integer plannedSessions,
                            @Min(1) @Max(90) Integer intervalDays,
                            @Min(1) @Max(50) Integer reviewAfterSessions,
                            JsonNode parameters,
                            UUID practitionerPreference,
                            Boolean autoBook,
                            Boolean replaceMissed) {
    }

    public record AddCourse(@NotNull @Valid NewCourse course, @MultilineText @NotBlank @Size(max = 1000) String reason) {
    }

    public record ChangeGoals(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 300) String> goals,
                              @MultilineText @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(examples = """
            {"courseId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","decision":"continue","additionalSessions":2,
             "reason":"First-step pain down from 7 to 4; continue two more sessions"}""")
    public record Review(@NotNull UUID courseId, @NotNull ReviewDecision.Decision decision,
                         @Min(1) @Max(50) Integer additionalSessions, String newModality,
                         @MultilineText @NotBlank @Size(max = 2000) String reason) {
    }

    public record Discontinue(@MultilineText @NotBlank @Size(max = 1000) String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CourseView(UUID id, int position, String modality, int plannedSessions, int intervalDays,
                             int reviewAfterSessions,
                             @JsonRawValue @Schema(implementation = Object.class) String parameters,
                             UUID practitionerPreference, boolean autoBook, boolean replaceMissed,
                             Course.Status status, int sessionsDelivered) {
        public static CourseView of(Course c) {
            return new CourseView(c.id, c.position, c.modality, c.plannedSessions, c.intervalDays,
                    c.reviewAfterSessions, c.parameters, c.practitionerPreference, c.autoBook, c.replaceMissed,
                    c.status, c.sessionsDelivered);
        }
    }

    public record PlanView(UUID id, UUID episodeId, TreatmentPlan.Status status,
                           @JsonRawValue @Schema(implementation = Object.class) String goals,
                           int currentVersion, List<CourseView> courses, long version) {
    }

    public record VersionView(int number, Instant changedAt, String changedBy, String change,
                              @JsonRawValue @Schema(implementation = Object.class) String snapshot) {
    }

    public record ReviewView(UUID id, UUID courseId, ReviewDecision.Decision decision, Integer additionalSessions,
                             String newModality, String reason, String decidedBy, Instant decidedAt) {
        public static ReviewView of(ReviewDecision d) {
            return new ReviewView(d.id, d.courseId, d.decision, d.additionalSessions, d.newModality, d.reason,
                    d.decidedBy, d.decidedAt);
        }
    }
}
