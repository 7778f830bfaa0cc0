package dk.clinic.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One log line per outage, not one stack trace a round: background work (the outbox relay, follow-ups, reminders,
 * housekeeping) reports each failure here. An unreachable database or broker is logged once when the outage begins and
 * once when the work succeeds again; any other failure is logged in full, as it may be a bug.
 */
@ApplicationScoped
public class Outages {

    private static final Logger LOG = Logger.getLogger(Outages.class);

    private final Clock clock;
    private final Map<String, Instant> since = new ConcurrentHashMap<>();

    Outages(Clock clock) {
        this.clock = clock;
    }

    /** {@code work} failed; an unreachable database starts (or continues) its outage. */
    public void failed(String work, Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            unavailable(work, "the database", rootMessage(failure));
        } else {
            LOG.errorf(failure, "%s failed", work);
        }
    }

    /** {@code work} could not reach {@code dependency} (e.g. "the broker"): logged when the outage begins only. */
    public void unavailable(String work, String dependency, String why) {
        if (since.putIfAbsent(work, clock.instant()) == null) {
            LOG.warnf("%s: %s cannot be reached (%s); the work waits and goes on by itself once it is back",
                    work, dependency, why);
        }
    }

    /** {@code work} succeeded: an outage it was in has ended. */
    public void succeeded(String work) {
        Instant began = since.remove(work);
        if (began != null) {
            LOG.infof("%s: working again after an outage of %d s", work,
                    Duration.between(began, clock.instant()).toSeconds());
        }
    }

    /** Since when {@code work} has been failing for want of a dependency, or null. */
    public Instant outageSince(String work) {
        return since.get(work);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
