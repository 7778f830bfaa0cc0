package dk.clinic.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal of the web app's own, as problem details: a path that is no page or service call, a method or a
 * media type it does not take, a body it cannot read. What the services refuse comes through the proxy as they said it.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response refused(WebApplicationException refusal) {
        if (refusal.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        int status = refusal.getResponse().getStatus();
        return switch (status) {
            case 404 -> Problems.of(404, "not-found", "Not found", "There is nothing at this address");
            case 405 -> Problems.of(405, "method-not-allowed", "Method not allowed",
                    "This address does not take that method");
            case 406 -> Problems.of(406, "not-acceptable", "Not acceptable", "The answer is JSON");
            case 415 -> Problems.of(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json");
            default -> status >= 500 ? unexpected(refusal)
                    : Problems.of(status, "invalid-request", "The request is not valid",
                    refusal.getMessage() == null ? "The request could not be read" : refusal.getMessage());
        };
    }

    /** A body that is not JSON, or JSON of the wrong shape: named by the field where reading stopped. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        Response problem = Problems.of(400, "invalid-body", "The request body is not valid",
                field.isEmpty() ? "The body is not the JSON this address takes" : field + " has the wrong type");
        if (field.isEmpty()) {
            return problem;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) problem.getEntity();
        body.put("errors", List.of(Map.of("field", field, "reason", "has the wrong type")));
        return problem;
    }

    /** JSON of the wrong shape (Quarkus has a mapper of its own for this one, which answers in another format). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException mismatched) {
        return unreadable(mismatched);
    }

    /** A fault of the web app's own: logged with its cause, answered without it. */
    @ServerExceptionMapper
    public Response unexpected(Exception fault) {
        LOG.error("unexpected failure", fault);
        return Problems.of(500, "internal-error", "Something went wrong in the web app",
                "The failure is logged; try again, and tell the clinic's administrator if it repeats");
    }
}
