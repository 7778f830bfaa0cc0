package dk.clinic.reporting.report;

import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * The clinic lead's reports. Each answers JSON, or CSV with {@code Accept: text/csv} (the filters and the suppression
 * threshold in its header lines). Patients appear in none of them, only counts and figures of at least
 * {@code clinic.reports.minimum-patients} patients.
 */
@Path("/api/reports")
@Tag(name = "Reports")
@Produces({"application/json", ReportCsv.TEXT_CSV})
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ReportResource {

    private final ReportService reports;
    private final ReportCache cache;

    ReportResource(ReportService reports, ReportCache cache) {
        this.reports = reports;
        this.cache = cache;
    }

    /** The filters every report takes. */
    public static class Filters {
        @QueryParam("from")
        @Parameter(description = "First day of the period (clinic time), included. Episodes: opened on or after it.")
        LocalDate from;

        @QueryParam("to")
        @Parameter(description = "Last day of the period (clinic time), included.")
        LocalDate to;

        @QueryParam("condition")
        @Parameter(description = "Only episodes of this condition (appointments: of a plan for it).")
        ReportFilter.Condition condition;

        @QueryParam("modality")
        @Parameter(description = "Episodes: the modality they started with; sessions, decisions and appointments: their own.")
        String modality;

        @QueryParam("practitioner")
        @Parameter(description = "Episodes in which the practitioner delivered a session; appointments with them.")
        UUID practitioner;

        ReportFilter filter() {
            return new ReportFilter(from, to, condition, modality, practitioner);
        }
    }

    @GET
    @Path("/episodes")
    @Operation(operationId = "reportEpisodes", summary = "Episodes started and closed, with baseline and latest pain",
            description = "Roles: analyst, admin. Grouped by the modality the episodes started with.")
    public Report<ReportRows.Episodes> episodes(@BeanParam Filters filters,
                                                @QueryParam("scale") @Parameter(description = "Default nrs_first_step_pain.") String scale) {
        ReportFilter filter = filters.filter();
        String checked = scale == null ? null : Scales.require("scale", scale);
        return cache.report("episodes", Arrays.asList(filter, checked),
                () -> reports.episodes(filter, checked));
    }

    @GET
    @Path("/responders")
    @Operation(operationId = "reportResponders", summary = "Responder rate with its 95 % Wilson interval",
            description = "Roles: analyst, admin. mcic: improved by at least the minimal clinically important change; "
                    + "pain50: at least 50 % less pain; vas60: at least 60 % better on a VAS.")
    public Report<ReportRows.Responders> responders(@BeanParam Filters filters,
                                                    @QueryParam("definition") @DefaultValue("pain50") Responder definition,
                                                    @QueryParam("scale") String scale) {
        ReportFilter filter = filters.filter();
        String checked = scale == null ? null : Scales.require("scale", scale);
        return cache.report("responders", Arrays.asList(filter, definition, checked),
                () -> reports.responders(filter, definition, checked));
    }

    @GET
    @Path("/sessions-to-response")
    @Operation(operationId = "reportSessionsToResponse", summary = "Median sessions until response (Kaplan-Meier)",
            description = "Roles: analyst, admin. Episodes that have not responded yet are censored at their last session.")
    public Report<ReportRows.SessionsToResponse> sessionsToResponse(@BeanParam Filters filters,
                                                                    @QueryParam("definition") @DefaultValue("pain50") Responder definition) {
        ReportFilter filter = filters.filter();
        return cache.report("sessions-to-response", Arrays.asList(filter, definition),
                () -> reports.sessionsToResponse(filter, definition));
    }

    @GET
    @Path("/pain-trajectory")
    @Operation(operationId = "reportPainTrajectory", summary = "First-step pain by session number and modality",
            description = "Roles: analyst, admin. Mean and 95 % confidence interval per session number.")
    public Report<ReportRows.PainTrajectory> painTrajectory(@BeanParam Filters filters) {
        ReportFilter filter = filters.filter();
        return cache.report("pain-trajectory", Arrays.asList(filter),
                () -> reports.painTrajectory(filter));
    }

    @GET
    @Path("/review-decisions")
    @Operation(operationId = "reportReviewDecisions", summary = "Decisions at the review point",
            description = "Roles: analyst, admin. Continue, switch, discharge or refer, at the review of dry-needling "
                    + "courses (or the modality given) after 3-5 sessions (or sessionsFrom-sessionsTo).")
    public Report<ReportRows.ReviewDecisions> reviewDecisions(@BeanParam Filters filters,
                                                              @QueryParam("sessionsFrom") @DefaultValue("3") int sessionsFrom,
                                                              @QueryParam("sessionsTo") @DefaultValue("5") int sessionsTo) {
        ReportFilter filter = filters.filter();
        return cache.report("review-decisions", Arrays.asList(filter, sessionsFrom, sessionsTo),
                () -> reports.reviewDecisions(filter, sessionsFrom, sessionsTo));
    }

    @GET
    @Path("/attendance")
    @Operation(operationId = "reportAttendance", summary = "Adherence, no-shows and late cancellations",
            description = "Roles: analyst, admin. Of the appointments due in the period that the patient was expected at.")
    public Report<ReportRows.Attendance> attendance(@BeanParam Filters filters) {
        ReportFilter filter = filters.filter();
        return cache.report("attendance", Arrays.asList(filter),
                () -> reports.attendance(filter));
    }
}
