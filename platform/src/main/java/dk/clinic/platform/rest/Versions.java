package dk.clinic.platform.rest;

import dk.clinic.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

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

    /** 201: {@code Location} is the new thing's id under the request's path, the ETag its first version. */
    public static Response created(UriInfo uri, UUID id, long version, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(etag(version)).entity(view).build();
    }

    /** 200 with the thing as it is now and its version as the ETag, to send back in If-Match when changing it. */
    public static Response ok(long version, Object view) {
        return Response.ok(view).tag(etag(version)).build();
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
