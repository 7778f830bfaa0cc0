package dk.clinic.platform.followup;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Carries out one kind of {@link FollowUps follow-up}. A CDI bean implementing this is found by its {@link #kind()}.
 */
public interface FollowUpHandler {

    /** The kind it carries out, e.g. {@code waitlist.offer-freed-time}. */
    String kind();

    /**
     * Does the work, inside the worker's transaction: what it writes commits together with the follow-up's removal.
     * A failure rolls both back and the follow-up is tried again later, so work outside that transaction must be safe to
     * repeat.
     */
    void handle(JsonNode payload);
}
