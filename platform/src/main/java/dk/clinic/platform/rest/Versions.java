package dk.clinic.platform.rest;

import dk.clinic.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: a resource's version travels as its ETag, and a change must send it back in
 * If-Match. A missing If-Match (or {@code *}, "whatever is there") answers 428, a stale one 412, so nobody overwrites a
 * change they have not seen.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** @throws ProblemException 428 without If-Match, 412 when it names another version */
    public static void requireCurrent(String ifMatch, long currentVersion, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "If-Match is required",
                    "Send the " + what.toLowerCase() + "'s ETag in If-Match to change it")
                    .field("If-Match", "is required")
                    .with("currentVersion", currentVersion);
        }
        String given = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        if (given.equals("*")) {
            // "any version" would overwrite a change the caller has not seen: exactly what If-Match is here to stop
            throw new ProblemException(428, "precondition-required", "If-Match must name a version",
                    "Send the " + what.toLowerCase() + "'s ETag in If-Match; * is not accepted")
                    .field("If-Match", "must be the ETag of the version you read, not *")
                    .with("currentVersion", currentVersion);
        }
        if (!given.equals(Long.toString(currentVersion))) {
            throw ProblemException.stale(what, currentVersion);
        }
    }
}
