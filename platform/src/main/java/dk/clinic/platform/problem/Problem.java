package dk.clinic.platform.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body. {@code errors} names each offending field and why; other members
 * (e.g. {@code alternatives} on a booking conflict) travel as extension members.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://clinic.example/problems/";

    public final URI type;
    public final String title;
    public final int status;
    public final String detail;
    public final String instance;
    public final String requestId;
    public final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public Problem(String slug, String title, int status, String detail, String instance, String requestId,
                   List<FieldError> errors, Map<String, Object> extensions) {
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    /** One field that was not acceptable: its JSON path (e.g. {@code birthDate}, {@code sessions[2].start}) and why. */
    public record FieldError(String field, String reason) {
    }
}
