package dk.clinic.platform.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Who is acting, for audit trails: the signed-in user, or "system" for scheduled work and event handling. */
@ApplicationScoped
public class CurrentUser {

    public static final String SYSTEM = "system";

    private final Instance<SecurityIdentity> identity;

    CurrentUser(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    public String name() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? SYSTEM : current.getPrincipal().getName();
    }
}
