package dk.clinic.reporting.report;

import dk.clinic.platform.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a report is about. The period selects episodes by the day they were opened (a cohort), and appointments by
 * the day they were due; both ends are whole days in the clinic's time zone, both included. Condition, modality and
 * practitioner narrow it further; each is optional.
 *
 * @param modality     for episodes, the modality of the plan's first course (the treatment they started with); for
 *                     sessions and appointments, their own
 * @param practitioner for episodes, one in which the practitioner delivered a session; for appointments, theirs
 */
public record ReportFilter(LocalDate from, LocalDate to, Condition condition, String modality, UUID practitioner) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,59}");

    public ReportFilter {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "is before from (" + from + ")");
        }
        if (modality != null && !CODE.matcher(modality).matches()) {
            throw ProblemException.invalid("modality", "must be a modality code such as dry_needling");
        }
    }

    /** The first instant of the period, or null when it is open at the start. */
    Instant start(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period, or null when it is open at the end. */
    Instant end(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The filters as a report states them (and a CSV's header lines). */
    Map<String, Object> described() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("from", from);
        described.put("to", to);
        described.put("condition", condition);
        described.put("modality", modality);
        described.put("practitioner", practitioner);
        return described;
    }

    /** The conditions an episode of care is opened for. */
    public enum Condition {
        plantar_heel_pain, achilles_tendinopathy, other
    }
}
