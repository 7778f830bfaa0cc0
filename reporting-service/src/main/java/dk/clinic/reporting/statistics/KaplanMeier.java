package dk.clinic.reporting.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * How many treatment sessions it takes until episodes respond: the Kaplan-Meier estimate of the share of
 * episodes that have <em>not yet</em> responded after each number of sessions.
 *
 * <p>For a clinic lead: read {@link Step#survival()} at a session count as "this share of patients still had not
 * responded after that many sessions". The curve starts at 1 (100 %) and steps down each time episodes respond.
 * Episodes that ended, or are still running, without a response are <em>censored</em>: they count as "not yet
 * responded" for as many sessions as they were seen, and after that they no longer count either way. This is
 * what makes the curve fairer than "responders / all episodes", which would count a patient who has had only
 * two sessions so far as a non-responder. {@link #median()} is the typical number of sessions to response: the
 * first session count after which half or more of the episodes had responded.
 *
 * <p>Definition: with the distinct times {@code t_1 < t_2 < ...} at which episodes responded or were censored,
 * {@code d_i} responses and {@code c_i} censorings at {@code t_i}, and {@code n_i} episodes at risk at
 * {@code t_i} (all episodes whose time is {@code >= t_i}),
 * {@code S(t) = product over t_i <= t of (1 - d_i / n_i)}. As usual, responses at a time are counted before
 * censorings at the same time, so an episode censored at {@code t_i} is still at risk at {@code t_i}.
 *
 * <p>Built with {@link #fromCounts(Collection)} from counts grouped by time (what a {@code GROUP BY} returns) or
 * with {@link #fromObservations(Collection)} from one observation per episode.
 */
public final class KaplanMeier {

    /** Survival values this close above 0.5 count as 0.5 for the median: rounding, not data, put them there. */
    private static final double MEDIAN_TOLERANCE = 1e-12;

    private final List<Step> steps;
    private final int observations;
    private final int events;

    private KaplanMeier(List<Step> steps, int observations, int events) {
        this.steps = List.copyOf(steps);
        this.observations = observations;
        this.events = events;
    }

    /**
     * One episode: after {@code time} sessions it either responded ({@code event = true}) or was last seen
     * without having responded ({@code event = false}, censored).
     *
     * @param time  the number of treatment sessions, {@code >= 0}
     * @param event whether the episode responded at that session
     */
    public record Observation(int time, boolean event) {

        /** Checks that the time is not negative. */
        public Observation {
            if (time < 0) {
                throw new IllegalArgumentException("time must not be negative, was " + time);
            }
        }

        /** An episode that responded after {@code time} sessions. */
        public static Observation responded(int time) {
            return new Observation(time, true);
        }

        /** An episode last seen after {@code time} sessions without a response. */
        public static Observation censored(int time) {
            return new Observation(time, false);
        }
    }

    /**
     * How many episodes responded and how many were censored after exactly {@code time} sessions, as one row
     * of a query grouped by session count.
     *
     * @param time     the number of treatment sessions, {@code >= 0}
     * @param events   how many episodes responded at that session, {@code >= 0}
     * @param censored how many episodes were last seen at that session without a response, {@code >= 0}
     */
    public record GroupedCount(int time, int events, int censored) {

        /** Checks that no number is negative. */
        public GroupedCount {
            if (time < 0 || events < 0 || censored < 0) {
                throw new IllegalArgumentException(
                        "time, events and censored must not be negative, were " + time + ", " + events + ", " + censored);
            }
        }
    }

    /**
     * One step of the curve: what happened after {@code time} sessions and the resulting estimate.
     *
     * @param time     the number of treatment sessions
     * @param atRisk   episodes still followed and not yet responded just before this session count
     * @param events   episodes that responded at this session count
     * @param censored episodes last seen at this session count without a response
     * @param survival the share of episodes estimated not to have responded after {@code time} sessions, 0..1
     */
    public record Step(int time, int atRisk, int events, int censored, double survival) {
    }

    /**
     * The curve from counts grouped by session count. Rows may come in any order; rows for the same time are
     * added together (so a query grouped by session count <em>and</em> outcome can be passed as it is), and
     * rows with neither events nor censorings are ignored.
     *
     * @throws IllegalArgumentException when the counts add up to more than {@link Integer#MAX_VALUE} episodes
     */
    public static KaplanMeier fromCounts(Collection<GroupedCount> counts) {
        TreeMap<Integer, int[]> byTime = new TreeMap<>();
        for (GroupedCount count : counts) {
            Objects.requireNonNull(count, "count");
            int[] eventsAndCensored = byTime.computeIfAbsent(count.time(), time -> new int[2]);
            eventsAndCensored[0] = checkedAdd(eventsAndCensored[0], count.events());
            eventsAndCensored[1] = checkedAdd(eventsAndCensored[1], count.censored());
        }
        int observations = 0;
        int events = 0;
        for (int[] eventsAndCensored : byTime.values()) {
            observations = checkedAdd(observations, checkedAdd(eventsAndCensored[0], eventsAndCensored[1]));
            events += eventsAndCensored[0];
        }
        List<Step> steps = new ArrayList<>(byTime.size());
        int atRisk = observations;
        double survival = 1.0;
        for (Map.Entry<Integer, int[]> entry : byTime.entrySet()) {
            int stepEvents = entry.getValue()[0];
            int stepCensored = entry.getValue()[1];
            if (stepEvents == 0 && stepCensored == 0) {
                continue;
            }
            if (stepEvents > 0) {
                survival *= 1.0 - (double) stepEvents / atRisk;
            }
            steps.add(new Step(entry.getKey(), atRisk, stepEvents, stepCensored, survival));
            atRisk -= stepEvents + stepCensored;
        }
        return new KaplanMeier(steps, observations, events);
    }

    /** The curve from one observation per episode; the same as {@link #fromCounts} of their counts per time. */
    public static KaplanMeier fromObservations(Collection<Observation> observations) {
        List<GroupedCount> counts = new ArrayList<>(observations.size());
        for (Observation observation : observations) {
            Objects.requireNonNull(observation, "observation");
            counts.add(new GroupedCount(observation.time(), observation.event() ? 1 : 0, observation.event() ? 0 : 1));
        }
        return fromCounts(counts);
    }

    /** The steps of the curve, one per session count at which an episode responded or was censored, ascending. */
    public List<Step> steps() {
        return steps;
    }

    /** How many episodes the curve is built from. */
    public int observations() {
        return observations;
    }

    /** How many of them responded (the rest are censored). */
    public int events() {
        return events;
    }

    /**
     * The estimated share of episodes that had not responded after {@code time} sessions: 1 before the first
     * response, and after the last step the value of the last step.
     */
    public double survivalAt(int time) {
        double survival = 1.0;
        for (Step step : steps) {
            if (step.time() > time) {
                break;
            }
            survival = step.survival();
        }
        return survival;
    }

    /**
     * The median number of sessions to response: the smallest session count {@code t} with {@code S(t) <= 0.5}.
     * Empty when fewer than half of the episodes are estimated to respond within the follow-up, i.e. the curve
     * never comes down to 0.5; then the report should say "more than" the last session count instead.
     */
    public OptionalInt median() {
        for (Step step : steps) {
            if (step.survival() <= 0.5 + MEDIAN_TOLERANCE) {
                return OptionalInt.of(step.time());
            }
        }
        return OptionalInt.empty();
    }

    private static int checkedAdd(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("more than " + Integer.MAX_VALUE + " episodes", overflow);
        }
    }

    @Override
    public String toString() {
        return "KaplanMeier[observations=" + observations + ", events=" + events + ", steps=" + steps + "]";
    }
}
