package dk.clinic.treatment.outcome;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/outcomes")
@Tag(name = "Outcome measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    private final OutcomeService outcomes;

    OutcomeResource(OutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @POST
    @Transactional
    @RolesAllowed(Roles.PRACTITIONER)
    @Operation(operationId = "recordOutcome",
            summary = "Record an outcome measure; the score is computed from the raw answers",
            description = "Roles: practitioner. Answers out of range, missing or too incomplete (FAAM needs 90 % of "
                    + "items) are refused with the item named. Shapes: docs/outcome-measures.md.")
    @APIResponseSchema(value = MeasurementView.class, responseCode = "201",
            responseDescription = "Created: Location names it, the ETag is its version")
    public Response record(@Valid @NotNull NewMeasurement request, UriInfo uri) {
        OutcomeMeasurement measurement = outcomes.record(request.episodeId(), request.instrument(),
                request.timepoint(), request.measuredOn(), request.answers());
        return Response.created(uri.getAbsolutePathBuilder().path(measurement.id.toString()).build())
                .entity(MeasurementView.of(measurement)).build();
    }

    @GET
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "listOutcomes",
            summary = "The outcome measures of an episode, oldest first", description = "Roles: practitioner, admin.")
    public List<MeasurementView> ofEpisode(@QueryParam("episode") @NotNull UUID episode) {
        return outcomes.ofEpisode(episode).stream().map(MeasurementView::of).toList();
    }

    @GET
    @Path("/progress")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getOutcomeProgress",
            summary = "Change from baseline per scale, whether the MCIC is reached, and responder status",
            description = "Roles: practitioner, admin. responder: mcic (default), pain50 or vas60.")
    public List<OutcomeService.Progress> progress(@QueryParam("episode") @NotNull UUID episode,
                                                  @QueryParam("responder") @DefaultValue("mcic") ResponderDefinition responder) {
        return outcomes.progress(episode, responder);
    }

    @GET
    @Path("/schedule")
    @RolesAllowed({Roles.PRACTITIONER, Roles.ADMIN})
    @Operation(operationId = "getOutcomeSchedule",
            summary = "When the episode's measures are due (weeks 0, 2, 4, 6, 12) and which were taken",
            description = "Roles: practitioner, admin.")
    public List<OutcomeService.Due> schedule(@QueryParam("episode") @NotNull UUID episode) {
        return outcomes.schedule(episode);
    }

    @Schema(examples = """
            {"episodeId":"0f8fad5b-d9cb-469f-a165-70867728950e","instrument":"nrs_first_step_pain","timepoint":"baseline",
             "measuredOn":"2026-11-23","answers":{"value":7}}""")
    public record NewMeasurement(@NotNull UUID episodeId, @NotNull Instrument instrument,
                                 @NotNull @Pattern(regexp = "baseline|week_[0-9]{1,2}|discharge|extra",
                                         message = "must be baseline, week_N, discharge or extra") String timepoint,
                                 @NotNull LocalDate measuredOn, @NotNull JsonNode answers) {
    }

    public record MeasurementView(UUID id, UUID episodeId, Instrument instrument, String timepoint,
                                  LocalDate measuredOn,
                                  @JsonRawValue @Schema(implementation = Object.class) String answers,
                                  List<ScoreView> scores, String recordedBy, Instant recordedAt) {
        public static MeasurementView of(OutcomeMeasurement m) {
            return new MeasurementView(m.id, m.episodeId, m.instrument, m.timepoint, m.measuredOn, m.answers,
                    m.scores.stream().map(s -> new ScoreView(s.scale, s.value, s.answered, s.items)).toList(),
                    m.recordedBy, m.recordedAt);
        }
    }

    public record ScoreView(Scale scale, java.math.BigDecimal value, int answered, int items) {
    }
}
