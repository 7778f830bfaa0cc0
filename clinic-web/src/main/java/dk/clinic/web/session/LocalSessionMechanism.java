package dk.clinic.web.session;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Set;

/**
 * Recognises a user who signed in with the local issuer by the sealed session cookie. Only in local mode; with
 * Keycloak, Quarkus' OIDC mechanism keeps the session.
 */
@ApplicationScoped
public class LocalSessionMechanism implements HttpAuthenticationMechanism {

    private final SessionSecurity security;
    private final Clock clock;

    LocalSessionMechanism(SessionSecurity security) {
        this.security = security;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (!security.local()) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(SessionCookies.SESSION);
        return Uni.createFrom().item(() -> cookie == null ? null : security.cookies().open(cookie.getValue())
                .filter(session -> !session.expiredAt(clock.instant()))
                .map(session -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(session.name()))
                        .addRoles(session.roles())
                        .addCredential(new TokenCredential(session.token(), "bearer"))
                        .build())
                .orElse(null));
    }

    /** A page's script is told 401 and shows the sign-in page; nobody is redirected anywhere. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    /** Ahead of OIDC in local mode, behind it with Keycloak (whose challenge then sends the browser to sign in). */
    @Override
    public int getPriority() {
        return security.local() ? 2000 : 500;
    }
}
