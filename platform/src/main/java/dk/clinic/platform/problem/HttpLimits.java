package dk.clinic.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.platform.observability.RequestIds;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The size limits of a request, answered as problem details (and 411 for a body sent in chunks, whose size could only
 * be known once read). The HTTP layer refuses a body over its limit, a long URI or
 * large headers with a bare status line; here the same limits are checked first, before any other handler, so the
 * client learns which limit it met. The HTTP layer's own line and header limits are set far above these
 * (application.properties), so only requests past those get the bare answer.
 */
@ApplicationScoped
class HttpLimits {

    /** The longest request target (path and query) a client may send. */
    static final int LONGEST_URI = 8 * 1024;
    /** The most bytes of header names and values together. */
    static final int LARGEST_HEADERS = 16 * 1024;

    private final ObjectMapper json;
    private final long largestBody;

    HttpLimits(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize largestBody) {
        this.json = json;
        this.largestBody = largestBody.asLongValue();
    }

    void register(@Observes Filters filters) {
        // route order is minus the priority: this runs before the HTTP layer's own body limit (order -2)
        filters.register(this::check, 100);
    }

    private void check(RoutingContext context) {
        var request = context.request();
        if (request.uri().length() > LONGEST_URI) {
            refuse(context, 414, "uri-too-long", "The URI is too long",
                    "The request target has " + request.uri().length() + " characters; at most " + LONGEST_URI
                            + " are accepted", "uri", "is longer than " + LONGEST_URI + " characters");
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length();
        }
        if (headerBytes > LARGEST_HEADERS) {
            refuse(context, 431, "headers-too-large", "The request headers are too large",
                    "The headers take " + headerBytes + " bytes; at most " + LARGEST_HEADERS + " are accepted",
                    "headers", "are larger than " + LARGEST_HEADERS + " bytes");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            // a body of unannounced length could only be measured once read: every client of ours sends its length
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, 411, "length-required", "The request body's length is required",
                    "Send the body with a Content-Length header rather than in chunks", "Content-Length",
                    "is required (chunked bodies are not accepted)");
            return;
        }
        if (length != null && !length.isBlank() && tooLong(length.trim())) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            refuse(context, 413, "body-too-large", "The request body is too large",
                    "The body has " + length.trim() + " bytes; at most " + largestBody + " are accepted", "body",
                    "is larger than " + largestBody + " bytes");
            return;
        }
        context.next();
    }

    private boolean tooLong(String contentLength) {
        try {
            return Long.parseLong(contentLength) > largestBody;
        } catch (NumberFormatException e) {
            return false; // the HTTP layer refuses a malformed Content-Length itself
        }
    }

    private void refuse(RoutingContext context, int status, String slug, String title, String detail, String field,
                        String reason) {
        String given = context.request().getHeader(RequestIds.HEADER);
        String requestId = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
        Problem problem = new Problem(slug, title, status, detail, context.request().path() == null ? null
                : truncated(context.request().path()), requestId, List.of(new Problem.FieldError(field, reason)), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(RequestIds.HEADER, requestId)
                .end(body);
    }

    private static String truncated(String path) {
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }
}
