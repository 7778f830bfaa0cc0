package dk.clinic.web.session;

import dk.clinic.web.WebConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How this web app signs users in and keeps them signed in: the sign-in mode, the session and CSRF cookies, and the
 * user's token for the calls to the services.
 */
@ApplicationScoped
public class SessionSecurity {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final WebConfig config;
    private final SessionCookies cookies;
    private final String host;

    SessionSecurity(WebConfig config, @ConfigProperty(name = "quarkus.http.host") Optional<String> host) {
        this.config = config;
        this.cookies = new SessionCookies(config.sessionSecret());
        this.host = host.orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
    }

    /** The local issuer's well-known users must never sign in to a web app a network can reach. */
    void refuseLocalSignInOnANetwork(@Observes StartupEvent start) {
        if (local() && !LOOPBACK.contains(host) && LaunchMode.current() != LaunchMode.DEVELOPMENT) {
            throw new IllegalStateException("clinic.web.sign-in=local signs in the local issuer's users and is for one "
                    + "machine only, but the web app listens on " + host + ": sign in with Keycloak "
                    + "(clinic.web.sign-in=keycloak) or listen on 127.0.0.1");
        }
    }

    public boolean local() {
        return config.signIn() == WebConfig.SignIn.local;
    }

    public SessionCookies cookies() {
        return cookies;
    }

    /** The bearer token the services want for this user, whichever way they signed in. */
    public Optional<String> token(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential oidc = identity.getCredential(AccessTokenCredential.class);
        if (oidc != null) {
            return Optional.of(oidc.getToken());
        }
        return Optional.ofNullable(identity.getCredential(TokenCredential.class)).map(TokenCredential::getToken);
    }

    public Cookie sessionCookie(String value, Duration maxAge, boolean secure) {
        return cookie(SessionCookies.SESSION, value, maxAge, secure).setHttpOnly(true);
    }

    /** Readable by the page's own scripts, which send it back in a header; another site's scripts cannot read it. */
    public Cookie csrfCookie(String value, Duration maxAge, boolean secure) {
        return cookie(SessionCookies.CSRF, value, maxAge, secure).setHttpOnly(false);
    }

    private static Cookie cookie(String name, String value, Duration maxAge, boolean secure) {
        return Cookie.cookie(name, value).setPath("/").setSameSite(CookieSameSite.STRICT).setSecure(secure)
                .setMaxAge(maxAge.toSeconds());
    }
}
