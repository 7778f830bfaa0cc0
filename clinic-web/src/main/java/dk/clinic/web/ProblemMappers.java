package dk.clinic.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every refusal of the web app's own, as problem details: a path that is no page or service call, a method or a
 * media type it does not take, a body it cannot read. What the services refuse comes through the proxy as they said it.
 */
@UnwrapException(WebApplicationException.class)
public class ProblemMappers {

    // Neither NotFoundException nor a catch-all: a path no resource takes must go on to the pages (the app's own routes,
    // such as /calendar), and ApiAddresses answers for the /api paths that name no service call. A body Jackson cannot
    // read arrives wrapped in a WebApplicationException, which is unwrapped to its cause (@UnwrapException).

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException refusal) {
        return Problems.of(405, "method-not-allowed", "Method not allowed", "This address does not take that method");
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException refusal) {
        return Problems.of(406, "not-acceptable", "Not acceptable", "The answer is JSON");
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException refusal) {
        return Problems.of(415, "unsupported-media-type", "Unsupported media type", "Send the body as application/json");
    }

    @ServerExceptionMapper
    public Response badRequest(BadRequestException refusal) {
        if (refusal.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        return Problems.of(400, "invalid-request", "The request is not valid", "The request could not be read");
    }

    /** A body that is not JSON, or JSON of the wrong shape: named by the field where reading stopped. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException unreadable) {
        String field = unreadable instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")) : "";
        if (field.isEmpty()) {
            return Problems.of(400, "invalid-body", "The request body is not valid",
                    "The body is not the JSON this address takes");
        }
        return Problems.of(400, "invalid-body", "The request body is not valid", field + " has the wrong type",
                List.of(Map.of("field", field, "reason", "has the wrong type")));
    }

    /** JSON of the wrong shape (Quarkus has a mapper of its own for this one, which answers in another format). */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException mismatched) {
        return unreadable(mismatched);
    }
}
