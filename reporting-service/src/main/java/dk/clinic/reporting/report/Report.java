package dk.clinic.reporting.report;

import java.util.List;
import java.util.Map;

/**
 * One report as the API answers it: what it is, the filters and parameters it was computed with, the suppression
 * threshold, its rows and (where the rows split a whole) the total.
 *
 * @param groupedBy       what a row is, e.g. {@code initial modality}
 * @param minimumPatients figures resting on fewer patients than this are suppressed
 * @param total           the whole the rows split, or null where they split none
 */
public record Report<R>(String report, String description, Map<String, Object> parameters, long minimumPatients,
                        String groupedBy, List<R> rows, R total) {
}
