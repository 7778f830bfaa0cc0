package dk.clinic.reporting.report;

import dk.clinic.reporting.report.Figures.Count;
import dk.clinic.reporting.report.Figures.Mean;
import dk.clinic.reporting.report.Figures.Rate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The rows of each report. A row's first field is what it is about; the total row has null there. */
public final class ReportRows {

    private ReportRows() {
    }

    @Schema(name = "EpisodesRow")
    public record Episodes(String modality, Count started, Count closed, Mean baselinePain, Mean latestPain) {
    }

    @Schema(name = "RespondersRow")
    public record Responders(String modality, Rate responders) {
    }

    @Schema(name = "SessionsToResponseRow")
    public record SessionsToResponse(String modality, Long patients, Long episodes, Long responded,
                                     Integer medianSessions, List<SurvivalStep> curve, boolean suppressed) {
    }

    /** The Kaplan-Meier curve at one number of sessions: the share not yet responded, and how many were at risk. */
    @Schema(name = "SurvivalStep")
    public record SurvivalStep(int sessions, int atRisk, double notYetResponded) {
    }

    @Schema(name = "PainTrajectoryRow")
    public record PainTrajectory(String modality, int sessionNumber, Mean firstStepPain) {
    }

    @Schema(name = "ReviewDecisionsRow")
    public record ReviewDecisions(String decision, Rate decisions) {
    }

    @Schema(name = "AttendanceRow")
    public record Attendance(String modality, Count planned, Rate attended, Rate noShows, Rate lateCancellations) {
    }
}
