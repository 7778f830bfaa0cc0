package dk.clinic.bench;

import org.HdrHistogram.Histogram;

import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

/**
 * A receptionist looking for the next free shockwave times: GET /api/slots for one appointment type over four weeks
 * (every practitioner who delivers it, a treatment room and a shockwave unit must all be free), one request after
 * the other, with the service's default page of 20 slots.
 */
final class SlotSearch {

    static final int WEEKS = 4;

    private SlotSearch() {
    }

    record Result(String label, Latency latency, long errors, double slotsPerAnswer) {
    }

    /**
     * @param firstDay the earliest day a search starts on
     * @param spanDays the searches start on days drawn from {@code firstDay} and the {@code spanDays - 1} after it
     */
    static Result run(String label, Api api, String token, UUID type, LocalDate firstDay, int spanDays, int count,
                      Random random) throws Exception {
        Histogram histogram = Latency.histogram();
        long errors = 0;
        long slots = 0;
        for (int i = 0; i < count; i++) {
            LocalDate from = firstDay.plusDays(random.nextInt(spanDays));
            String query = "/api/slots?type=" + type + "&from=" + from + "&to=" + from.plusWeeks(WEEKS).minusDays(1);
            long started = System.nanoTime();
            Api.Answer answer = api.get(query, token);
            Latency.record(histogram, System.nanoTime() - started);
            if (answer.status() == 200) {
                slots += answer.json().size();
            } else if (answer.status() >= 500) {
                throw new IllegalStateException("slot search failed: " + answer.status() + " " + answer.body());
            } else {
                errors++;
            }
        }
        return new Result(label, Latency.of(histogram), errors, count == errors ? 0 : (double) slots / (count - errors));
    }
}
