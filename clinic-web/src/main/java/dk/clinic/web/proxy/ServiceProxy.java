package dk.clinic.web.proxy;

import dk.clinic.web.Problems;
import dk.clinic.web.WebConfig;
import dk.clinic.web.session.RequiresCsrf;
import dk.clinic.web.session.SessionSecurity;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pages' way to the services: {@code /api/booking/...} is booking-service's {@code /api/...}, and so on, called
 * with the signed-in user's token, which the browser never sees. It adds nothing and decides nothing: the service's
 * status, ETag, Location (made relative to this app), X-Total-Count and problem details come back as they are, so
 * the service stays the one place every rule lives.
 */
@Path("/api/{service}/{path: .+}")
@PermitAll
@RequiresCsrf
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    private static final List<String> REQUEST_HEADERS = List.of("Content-Type", "Accept", "If-Match", "Accept-Language",
            "X-Request-Id");
    private static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "ETag", "X-Total-Count",
            "Retry-After", "X-Request-Id");

    /** Segments of letters, digits and {@code -._~} only: ids, names of resources and actions, never {@code ..}. */
    private static final Pattern SERVICE_PATH =
            Pattern.compile("(?!.*(^|/)\\.{1,2}(/|$))[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*");

    private final Map<String, String> services;
    private final SessionSecurity security;
    private final SecurityIdentity identity;
    private final Duration timeout;
    private final HttpClient http;

    ServiceProxy(WebConfig config, SessionSecurity security, SecurityIdentity identity) {
        this.services = config.reportingUrl()
                .map(reporting -> Map.of("booking", config.bookingUrl(), "treatment", config.treatmentUrl(),
                        "reporting", reporting))
                .orElse(Map.of("booking", config.bookingUrl(), "treatment", config.treatmentUrl()));
        this.security = security;
        this.identity = identity;
        this.timeout = config.serviceTimeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    @GET
    public Response get(@PathParam("service") String service, @Encoded @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("GET", service, path, uri, headers, null);
    }

    @POST
    public Response post(@PathParam("service") String service, @Encoded @PathParam("path") String path,
                         @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("POST", service, path, uri, headers, body);
    }

    @PUT
    public Response put(@PathParam("service") String service, @Encoded @PathParam("path") String path,
                        @Context UriInfo uri, @Context HttpHeaders headers, byte[] body) {
        return forward("PUT", service, path, uri, headers, body);
    }

    @DELETE
    public Response delete(@PathParam("service") String service, @Encoded @PathParam("path") String path,
                           @Context UriInfo uri, @Context HttpHeaders headers) {
        return forward("DELETE", service, path, uri, headers, null);
    }

    private Response forward(String method, String service, String path, UriInfo uri, HttpHeaders headers,
                             byte[] body) {
        String base = services.get(service);
        if (base == null || !SERVICE_PATH.matcher(path).matches()) {
            return Problems.of(404, "not-found", "Not found", "There is nothing at this address");
        }
        Optional<String> token = security.token(identity);
        if (token.isEmpty()) {
            return Problems.of(401, "unauthenticated", "Sign-in required", "Sign in to continue");
        }
        String query = uri.getRequestUri().getRawQuery();
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + "/api/" + path + (query == null ? "" : "?" + query)))
                    .timeout(timeout)
                    .header("Authorization", "Bearer " + token.get())
                    .method(method, body == null || body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String name : REQUEST_HEADERS) {
                String value = headers.getHeaderString(name);
                if (value != null) {
                    request.header(name, value);
                }
            }
        } catch (IllegalArgumentException unusable) {
            // a query or a header value no HTTP client may send on
            return Problems.of(400, "invalid-request", "The request is not valid",
                    "The address or a header holds characters that cannot be passed on");
        }
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            return unavailable(service, "did not answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            LOG.debugf("%s cannot be reached: %s", service, e.getMessage());
            return unavailable(service, "cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(service, "was interrupted");
        }
        Response.ResponseBuilder response = Response.status(answer.statusCode());
        if (answer.body().length > 0) {
            response.entity(answer.body());
        }
        for (String name : RESPONSE_HEADERS) {
            answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
        }
        answer.headers().firstValue("Location")
                .ifPresent(location -> response.header("Location", location.replace(base + "/api/", "/api/" + service + "/")));
        return response.build();
    }

    private static Response unavailable(String service, String why) {
        return Response.fromResponse(Problems.of(503, "service-unavailable", "The " + service + " service is unavailable",
                service + "-service " + why + "; try again in a moment")).header("Retry-After", "5").build();
    }
}
