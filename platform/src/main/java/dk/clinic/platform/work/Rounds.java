package dk.clinic.platform.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Background work that runs in rounds, one after the other on a thread of its own, when something asks for it: a
 * commit, a notification, a timer. A request while a round runs asks for one more round after it, so what committed
 * during a round is not left for the next timer; requests while a round waits to start are one round. The outbox relay
 * and the follow-up worker run this way.
 */
public final class Rounds {

    private final Runnable round;
    private final ExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean stopped;

    /** @param name the thread's name, e.g. {@code outbox-relay} */
    public Rounds(String name, Runnable round) {
        this.round = round;
        this.thread = Executors.newSingleThreadExecutor(task -> {
            Thread daemon = new Thread(task, name);
            daemon.setDaemon(true);
            return daemon;
        });
    }

    /** Asks for a round: at once when none runs, otherwise once more after the one that runs. */
    public void request() {
        if (!stopped && requested.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    requested.set(false);
                    if (!stopped) {
                        round.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                requested.set(false); // stopped meanwhile
            }
        }
    }

    /** No more rounds start; one that runs finishes, or is interrupted with {@code interruptRunning}. */
    public void stop(boolean interruptRunning) {
        stopped = true;
        if (interruptRunning) {
            thread.shutdownNow();
        } else {
            thread.shutdown();
        }
    }

    public boolean stopped() {
        return stopped;
    }
}
