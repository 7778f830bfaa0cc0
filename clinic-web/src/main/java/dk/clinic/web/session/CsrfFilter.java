package dk.clinic.web.session;

import dk.clinic.web.Problems;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;
import java.util.Set;

/**
 * Refuses a state-changing request that does not carry the signed-in user's CSRF token in its header, or that a
 * browser says came from another site (its {@code Origin}). GET and HEAD change nothing and pass.
 */
@Provider
@RequiresCsrf
public class CsrfFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SessionSecurity security;

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !sameHost(origin, request.getHeaderString(HttpHeaders.HOST))) {
            request.abortWith(Problems.of(403, "cross-site-request", "Refused: the request came from another site",
                    "Origin " + origin + " is not this web app"));
            return;
        }
        Cookie cookie = request.getCookies().get(SessionCookies.CSRF);
        String user = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        if (!security.cookies().csrfHolds(cookie == null ? null : cookie.getValue(),
                request.getHeaderString(SessionCookies.CSRF_HEADER), user)) {
            request.abortWith(Problems.of(403, "csrf-token-missing", "Refused: the page's security token is missing",
                    "Reload the page and try again"));
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
