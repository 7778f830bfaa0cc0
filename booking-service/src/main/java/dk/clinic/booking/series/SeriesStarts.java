package dk.clinic.booking.series;

import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.List;

/**
 * The local start times a series request asks for: exactly the {@code starts} given, in order, or {@code count}
 * occurrences from {@code firstStart}, {@code intervalDays} apart on the wall clock, so a weekly 09:00 stays at 09:00
 * across daylight-saving changes. At most {@code longest} of them.
 */
final class SeriesStarts {

    private SeriesStarts() {
    }

    static List<ClinicTime> of(SeriesRequest request, int longest) {
        List<ClinicTime> starts = request.starts();
        if (starts != null) {
            if (starts.isEmpty()) {
                throw ProblemException.invalid("starts", "must list at least one start");
            }
            requireWithin("starts", starts.size(), longest);
            for (int i = 1; i < starts.size(); i++) {
                if (!starts.get(i).local().isAfter(starts.get(i - 1).local())) {
                    throw ProblemException.invalid("starts[" + i + "]", "must be later than starts[" + (i - 1) + "]");
                }
            }
            return starts;
        }
        if (request.firstStart() == null) {
            throw ProblemException.invalid("firstStart", "is required unless starts are given");
        }
        if (request.count() == null) {
            throw ProblemException.invalid("count", "is required unless starts are given");
        }
        requireWithin("count", request.count(), longest);
        List<ClinicTime> generated = new ArrayList<>();
        generated.add(request.firstStart());
        for (int k = 1; k < request.count(); k++) {
            generated.add(ClinicTime.of(request.firstStart().local().plusDays((long) k * request.interval())));
        }
        return generated;
    }

    private static void requireWithin(String field, int occurrences, int longest) {
        if (occurrences > longest) {
            throw ProblemException.invalid(field,
                    "must not ask for more than " + longest + " occurrences, the longest series the clinic books");
        }
    }
}
