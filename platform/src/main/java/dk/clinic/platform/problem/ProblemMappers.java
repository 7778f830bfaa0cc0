package dk.clinic.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dk.clinic.platform.observability.RequestIds;
import dk.clinic.platform.persistence.DatabaseFailures;
import dk.clinic.platform.validation.RefusedValueException;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** Every error leaves the services as RFC 9457 problem details; nothing leaks a stack trace. */
public class ProblemMappers {

    /** The problem type of a value the database refused though every rule let it through (a gap in the rules). */
    public static final String NOT_STORABLE = "not-storable";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final AtomicLong LAST_UNAVAILABLE_LOG = new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(1));
    private static final AtomicLong UNAVAILABLE_SINCE_LOGGED = new AtomicLong();

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
            ValueInstantiationException.class, RefusedValueException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        Problem.FieldError error = BodyErrors.of(e);
        return respond(new Problem("unreadable-body", "The request body cannot be read", 400,
                error.field() + " " + error.reason(), uri.getPath(), RequestIds.current(), List.of(error), null));
    }

    /** A request whose URL or form encoding is broken (e.g. {@code username=%zz}) never reaches a resource method. */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, UriInfo uri) {
        StackTraceElement[] trace = e.getStackTrace();
        if (trace.length > 0 && trace[0].getClassName().endsWith(".URLUtils")) {
            return respond(new Problem("malformed-encoding", "The request is not correctly encoded", 400,
                    "A percent-encoded value in the URL or the form body is malformed", uri.getPath(),
                    RequestIds.current(), List.of(new Problem.FieldError("body", "has a malformed percent-encoding")),
                    null));
        }
        return unexpected(e, uri);
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
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem, uri); // a parameter refused while it was read (AcceptedParameters)
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        return respond(new Problem(slug(status), status.getReasonPhrase(), status.getStatusCode(),
                status.getStatusCode() >= 500 ? null : e.getMessage(), uri.getPath(), RequestIds.current(), null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String requestId = RequestIds.current();
        if (DatabaseFailures.isUnavailable(e)) {
            logUnavailable(uri.getPath(), requestId, rootMessage(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(new Problem("service-unavailable", "The service is briefly unavailable", 503,
                            "The database cannot be reached; nothing was changed. Try again in a few seconds",
                            uri.getPath(), requestId, null, null))
                    .build();
        }
        Optional<String> refusedBy = DatabaseFailures.refusedValueState(e);
        if (refusedBy.isPresent()) {
            // every value should have met a rule of ours first; this is the database's last word, and a gap to close
            LOG.warnf("The database refused a value no rule caught on %s (request %s, SQLSTATE %s): %s",
                    uri.getPath(), requestId, refusedBy.get(), rootMessage(e));
            boolean taken = refusedBy.get().equals("23505") || refusedBy.get().equals("23P01");
            return respond(new Problem(NOT_STORABLE, taken ? "It exists already" : "A value cannot be stored",
                    taken ? 409 : 422, taken ? "Something with the same identity exists already; nothing was changed"
                    : "A value in the request cannot be stored; nothing was changed", uri.getPath(), requestId, null,
                    null));
        }
        LOG.errorf(e, "Unexpected failure on %s (request %s)", uri.getPath(), requestId);
        return respond(new Problem("internal-error", "Something went wrong on our side", 500,
                "The failure was logged with the request id", uri.getPath(), requestId, null, null));
    }

    /**
     * While the database is away every request fails the same way: one line every ten seconds says how many did, with
     * the last one's request id; each one is in the debug log.
     */
    private static void logUnavailable(String path, String requestId, String why) {
        long now = System.nanoTime();
        long unreported = UNAVAILABLE_SINCE_LOGGED.incrementAndGet();
        long last = LAST_UNAVAILABLE_LOG.get();
        if (now - last >= TimeUnit.SECONDS.toNanos(10) && LAST_UNAVAILABLE_LOG.compareAndSet(last, now)) {
            UNAVAILABLE_SINCE_LOGGED.addAndGet(-unreported);
            LOG.warnf("The database cannot be reached: %d request(s) answered 503, the last on %s (request %s): %s",
                    unreported, path, requestId, why);
        } else {
            LOG.debugf("Database unavailable on %s (request %s): %s", path, requestId, why);
        }
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String slug(Response.StatusType status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
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
