package dk.clinic.web.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.clinic.web.Problems;
import dk.clinic.web.WebConfig;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * Signing in and out, and who is signed in. With Keycloak, {@code GET /session/sign-in} starts the OpenID Connect
 * code flow (Quarkus OIDC keeps the tokens in its own encrypted cookie); with the local issuer, the page posts the
 * user's name and password here and the session cookie keeps the token the issuer gave.
 */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SessionSecurity security;
    private final WebConfig config;
    private final SecurityIdentity identity;
    private final HttpClient http;

    SessionResource(SessionSecurity security, WebConfig config, SecurityIdentity identity) {
        this.security = security;
        this.config = config;
        this.identity = identity;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What the page needs to start: how to sign in, and who is signed in (with a CSRF token for their changes). */
    @GET
    @PermitAll
    public Response current(RoutingContext context) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("signIn", config.signIn().name());
        if (identity.isAnonymous()) {
            body.put("user", null);
            return Response.ok(body).build();
        }
        String user = identity.getPrincipal().getName();
        body.put("user", Map.of("name", user, "roles", identity.getRoles()));
        Cookie csrf = context.request().getCookie(SessionCookies.CSRF);
        if (csrf == null || !security.cookies().csrfHolds(csrf.getValue(), csrf.getValue(), user)) {
            context.response().addCookie(security.csrfCookie(security.cookies().csrfToken(user), Duration.ofHours(12),
                    secure(context)));
        }
        return Response.ok(body).build();
    }

    /** The Keycloak round trip ends here; with the local issuer there is a page for it instead. */
    @GET
    @Path("/sign-in")
    @Authenticated
    public Response signIn() {
        return Response.seeOther(URI.create(security.local() ? "/sign-in" : "/")).build();
    }

    /** Signs in one of the local issuer's users (local mode only). */
    @POST
    @Path("/local")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signInLocally(Credentials credentials, RoutingContext context)
            throws IOException, InterruptedException {
        if (!security.local()) {
            return Problems.of(404, "not-found", "Not found", "Users sign in with Keycloak here");
        }
        if (credentials == null || blank(credentials.username()) || blank(credentials.password())) {
            return Problems.of(400, "invalid-request", "The request is not valid", "username and password are required");
        }
        HttpResponse<String> issued;
        try {
            issued = http.send(HttpRequest.newBuilder(URI.create(config.bookingUrl() + "/auth/token"))
                    .timeout(config.serviceTimeout())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(credentials.username())
                            + "&password=" + encode(credentials.password())))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Problems.of(503, "service-unavailable", "The sign-in service cannot be reached",
                    "booking-service does not answer; try again in a moment");
        }
        if (issued.statusCode() != 200) {
            return Problems.of(401, "bad-credentials", "Unknown user or wrong password",
                    "Check the user name and password");
        }
        JsonNode token = JSON.readTree(issued.body());
        Set<String> roles = new HashSet<>();
        token.path("roles").forEach(role -> roles.add(role.asText()));
        Duration lifetime = Duration.ofSeconds(token.path("expires_in").asLong(3600));
        UserSession session = new UserSession(credentials.username(), roles, token.path("access_token").asText(),
                Instant.now().plus(lifetime));
        boolean secure = secure(context);
        context.response().addCookie(security.sessionCookie(security.cookies().seal(session), lifetime, secure));
        context.response().addCookie(security.csrfCookie(security.cookies().csrfToken(session.name()), lifetime, secure));
        return Response.ok(Map.of("user", Map.of("name", session.name(), "roles", session.roles()))).build();
    }

    /** Ends the session here; with Keycloak the page goes on to Keycloak's sign-out. */
    @POST
    @Path("/sign-out")
    @PermitAll
    @RequiresCsrf
    public Response signOut(RoutingContext context) {
        boolean secure = secure(context);
        context.response().addCookie(security.sessionCookie("", Duration.ZERO, secure));
        context.response().addCookie(security.csrfCookie("", Duration.ZERO, secure));
        return Response.ok(Map.of("next", security.local() ? "/sign-in" : "/session/oidc-sign-out")).build();
    }

    public record Credentials(String username, String password) {
    }

    private static boolean secure(RoutingContext context) {
        return "https".equals(context.request().scheme());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, UTF_8);
    }
}
