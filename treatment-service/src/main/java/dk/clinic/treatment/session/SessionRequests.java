package dk.clinic.treatment.session;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.platform.validation.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class SessionRequests {

    private SessionRequests() {
    }

    @Schema(examples = """
            {"courseId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","record":{"details":{"impulses":2000,"frequencyHz":10,
             "barPressure":2.5},"adverseEvents":[{"kind":"soreness","days":2}],"notes":"Tolerated well","firstStepPain":6}}""")
    public record NewSession(@NotNull UUID courseId, UUID appointmentId, Instant deliveredAt, @Valid Record record) {
    }

    /** What the practitioner writes about the session. */
    @Schema(name = "SessionRecordContent", examples = """
            {"details":{"muscles":["gastrocnemius medial","soleus"],"points":4,"twitchResponses":3},
             "adverseEvents":[{"kind":"soreness","days":2}],"notes":"Calf very tender","firstStepPain":7}""")
    public record Record(@MultilineText JsonNode details,
                         @Size(max = 10) List<@NotNull @Valid AdverseEvent> adverseEvents,
                         @MultilineText @Size(max = 4000) String notes,
                         @Min(0) @Max(10) Integer firstStepPain) {
    }

    /** e.g. soreness for 1-3 days after dry needling (about a third of needling appointments). */
    public record AdverseEvent(@NotNull Kind kind, @Min(0) @Max(30) Integer days,
                               @MultilineText @Size(max = 500) String note) {
        @Schema(name = "AdverseEventKind")
        public enum Kind {
            soreness, bruising, bleeding, fatigue, dizziness, skin_reaction, other
        }
    }

    public record SessionView(UUID id, UUID courseId, UUID appointmentId, Instant deliveredAt,
                              SessionRecord.Status status,
                              @JsonRawValue @Schema(implementation = Object.class) String details,
                              @JsonRawValue @Schema(implementation = Object.class) String adverseEvents,
                              String notes, Integer firstStepPain, String recordedBy, Instant recordedAt,
                              long version) {
        public static SessionView of(SessionRecord s) {
            return new SessionView(s.id, s.courseId, s.appointmentId, s.deliveredAt, s.status, s.details,
                    s.adverseEvents, s.notes, s.firstStepPain, s.recordedBy, s.recordedAt, s.version);
        }
    }
}
