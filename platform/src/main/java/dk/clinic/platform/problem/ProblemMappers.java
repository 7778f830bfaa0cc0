package dk.clinic.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dk.clinic.platform.observability.RequestIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves the services as RFC 9457 problem details; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(uri.getPath(), RequestIds.current()));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        return respond(new Problem("invalid-request", "The request is not valid", 400, detail, uri.getPath(),
                RequestIds.current(), errors, null));
    }

    // named one by one: Quarkus' own mappers for the Jackson subtypes would otherwise answer without a problem body
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String reason;
        if (e instanceof UnrecognizedPropertyException unknown) {
            field = path(unknown);
            reason = "is not a known field";
        } else if (e instanceof InvalidFormatException format) {
            reason = "cannot be read as " + format.getTargetType().getSimpleName() + ": '" + format.getValue() + "'";
        } else if (e instanceof JsonMappingException) {
            reason = "has the wrong type or shape";
        } else {
            reason = "is not well-formed JSON";
        }
        String name = field.isEmpty() ? "body" : field;
        return respond(new Problem("unreadable-body", "The request body cannot be read", 400, name + " " + reason,
                uri.getPath(), RequestIds.current(), List.of(new Problem.FieldError(name, reason)), null));
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        Problem problem = new Problem("unauthenticated", "Sign-in required", 401,
                "Send a valid bearer token in the Authorization header", uri.getPath(), RequestIds.current(), null, null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem("forbidden", "Not allowed for your role", 403,
                "Your role may not do this; see the endpoint's documentation for the roles it admits",
                uri.getPath(), RequestIds.current(), null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(slug(status), status.getReasonPhrase(), status.getStatusCode(),
                status.getStatusCode() >= 500 ? null : e.getMessage(), uri.getPath(), RequestIds.current(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String requestId = RequestIds.current();
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), requestId);
        return respond(new Problem("internal-error", "Something went wrong on our side", 500,
                "The failure was logged with the request id", uri.getPath(), requestId, null, null));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    /**
     * Names the field as the client knows it: "register.details.birthDate" becomes "birthDate", a violated query
     * parameter keeps its query name, and a missing body is "body".
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String parameter = "body";
        Path.MethodNode method = null;
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = requestName(violation.getRootBeanClass(), method,
                        node.as(Path.ParameterNode.class).getParameterIndex());
                continue;
            }
            if (node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                continue; // a container element such as <list element> has no name of its own
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    /** The query, path, header or form name of a resource method's parameter; "body" for the entity. */
    private static String requestName(Class<?> resource, Path.MethodNode methodNode, int index) {
        if (resource == null || methodNode == null) {
            return "body";
        }
        for (Class<?> type = resource; type != null; type = type.getSuperclass()) {
            try {
                Method method = type.getDeclaredMethod(methodNode.getName(),
                        methodNode.getParameterTypes().toArray(Class<?>[]::new));
                for (Annotation annotation : method.getParameterAnnotations()[index]) {
                    if (annotation instanceof QueryParam query) {
                        return query.value();
                    } else if (annotation instanceof PathParam path) {
                        return path.value();
                    } else if (annotation instanceof HeaderParam header) {
                        return header.value();
                    } else if (annotation instanceof FormParam form) {
                        return form.value();
                    }
                }
                // an interceptor subclass overrides the method without its annotations: look further up
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return "body";
    }
}
