package dk.clinic.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A check of a dependency that answers within a bound whatever the dependency does: the probe runs on a thread of its
 * own, at most one at a time, and a caller waits for it no longer than {@code bound}. A frozen database or broker
 * therefore makes health say "no answer", never makes health itself hang; a result younger than {@code fresh} is
 * reused, so frequent health calls do not hammer the dependency.
 */
final class BoundedProbe {

    /** What one probe found. */
    record Result(boolean up, String detail, Instant at) {
    }

    private final Supplier<Result> probe;
    private final Duration bound;
    private final Duration fresh;
    private final Clock clock;
    private final Executor executor;
    private CompletableFuture<Result> inFlight;
    private volatile Result last;

    BoundedProbe(String name, Supplier<Result> probe, Duration bound, Duration fresh, Clock clock) {
        this.probe = probe;
        this.bound = bound;
        this.fresh = fresh;
        this.clock = clock;
        this.executor = task -> {
            Thread thread = new Thread(task, name + "-probe");
            thread.setDaemon(true);
            thread.start();
        };
    }

    Result check() {
        CompletableFuture<Result> running;
        synchronized (this) {
            Result known = last;
            if (known != null && known.at().plus(fresh).isAfter(clock.instant())) {
                return known;
            }
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(this::run, executor);
            }
            running = inFlight;
        }
        try {
            return running.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Result(false, "no answer within " + bound.toMillis() + " ms", clock.instant());
        } catch (ExecutionException e) {
            return new Result(false, String.valueOf(e.getCause()), clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted", clock.instant());
        }
    }

    /** The last finished probe's result, without waiting; null before the first one finished. */
    Result last() {
        return last;
    }

    private Result run() {
        Result result;
        try {
            result = probe.get();
        } catch (RuntimeException e) {
            result = new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
        }
        last = result;
        return result;
    }
}
