package dk.clinic.web.session;

import java.time.Instant;
import java.util.Set;

/**
 * Who is signed in with the local issuer, as the encrypted session cookie carries it: the user's name and roles, and
 * the token the services want, which never reaches the browser's scripts.
 */
public record UserSession(String name, Set<String> roles, String token, Instant expiresAt) {

    public UserSession {
        roles = Set.copyOf(roles);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
