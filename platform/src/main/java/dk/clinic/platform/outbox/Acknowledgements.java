package dk.clinic.platform.outbox;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a relay round makes of the broker's answers, in batch order. An acknowledged event is marked published, unless
 * an earlier event of its key failed in this round: then it stays pending and goes again with the failed one, so a
 * consumer never sees a key's later event without the earlier. A failed event counts an attempt and keeps the reason
 * (at most 1000 characters). Events the round did not send (it stopped at an unreachable broker) are left as they are.
 */
final class Acknowledgements {

    static final int LONGEST_ERROR = 1000;

    private Acknowledgements() {
    }

    /**
     * @param sent     the events sent, in batch order
     * @param failures for each sent event, null when the broker acknowledged it, otherwise why not
     * @return how many events were marked published
     */
    static int settle(List<OutboxEvent> sent, List<String> failures, Instant now) {
        if (sent.size() != failures.size()) {
            throw new IllegalArgumentException("one answer per event sent: " + sent.size() + " sent, " + failures.size());
        }
        Set<String> blockedKeys = new HashSet<>();
        int published = 0;
        for (int i = 0; i < sent.size(); i++) {
            OutboxEvent event = sent.get(i);
            String failure = failures.get(i);
            if (failure != null) {
                blockedKeys.add(event.key);
                event.attempts++;
                event.lastError = failure.length() > LONGEST_ERROR ? failure.substring(0, LONGEST_ERROR) : failure;
            } else if (!blockedKeys.contains(event.key)) {
                event.publishedAt = now;
                published++;
            }
        }
        return published;
    }
}
