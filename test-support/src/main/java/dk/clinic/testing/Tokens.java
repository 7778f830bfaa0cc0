package dk.clinic.testing;

import io.smallrye.jwt.build.Jwt;

import java.util.Set;

/** Bearer tokens signed with the test issuer's key, as the local issuer or an OIDC provider would sign them. */
public final class Tokens {

    private Tokens() {
    }

    public static String bearer(String user, String... roles) {
        return "Bearer " + Jwt.issuer("clinic-local-issuer")
                .subject(user)
                .upn(user)
                .groups(Set.of(roles))
                .expiresIn(3600)
                .sign();
    }

    public static String receptionist() {
        return bearer("rita", "receptionist");
    }

    public static String practitioner() {
        return bearer("paula", "practitioner");
    }

    public static String analyst() {
        return bearer("anders", "analyst");
    }

    public static String admin() {
        return bearer("admin", "admin");
    }
}
