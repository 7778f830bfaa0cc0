package dk.clinic.platform.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business rule said no. Services throw it; {@link ProblemMappers} turns it into problem details.
 * Build one with the factory methods, e.g. {@code ProblemException.invalid("start", "is in the daylight-saving gap")}.
 */
public class ProblemException extends RuntimeException {

    private static final java.util.Set<String> RESERVED =
            java.util.Set.of("type", "title", "status", "detail", "instance", "requestId", "errors");

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException invalid(String field, String reason) {
        return new ProblemException(400, "invalid-request", "The request is not valid", field + " " + reason)
                .field(field, reason);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", what + " not found", "No " + what.toLowerCase() + " with id " + id);
    }

    /** A referenced thing (in the body) does not exist: the request, not the URL, is wrong. */
    public static ProblemException unknownReference(String field, String what, Object id) {
        return new ProblemException(422, "unknown-reference", "A referenced " + what.toLowerCase() + " does not exist",
                "No " + what.toLowerCase() + " with id " + id).field(field, "refers to no " + what.toLowerCase());
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    public static ProblemException stale(String what, long currentVersion) {
        return new ProblemException(412, "stale-version", "The " + what.toLowerCase() + " changed meanwhile",
                "If-Match does not match the current version; read it again and retry")
                .with("currentVersion", currentVersion);
    }

    public ProblemException field(String field, String reason) {
        errors.add(new Problem.FieldError(field, reason));
        return this;
    }

    /** An extension member; the members RFC 9457 and our problems define themselves cannot be overwritten. */
    public ProblemException with(String member, Object value) {
        if (RESERVED.contains(member)) {
            throw new IllegalArgumentException(member + " is a problem details member of its own, not an extension");
        }
        extensions.put(member, value);
        return this;
    }

    /** The fields this problem names, and why each was refused. */
    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    /** The last segment of the problem type, e.g. {@code outside-working-hours}. */
    public String slug() {
        return slug;
    }

    Problem toProblem(String instance, String requestId) {
        return new Problem(slug, title, status, getMessage(), instance, requestId, errors, extensions);
    }
}
