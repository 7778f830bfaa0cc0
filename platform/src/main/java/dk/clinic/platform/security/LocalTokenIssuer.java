package dk.clinic.platform.security;

import dk.clinic.platform.problem.ProblemException;
import io.smallrye.jwt.build.Jwt;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The embedded default's token issuer, for running the product on one machine without an identity provider: it signs
 * short-lived JWTs for the users configured under {@code clinic.local-issuer.users}. It answers only while
 * {@link LocalIssuerSwitch} has it on (loopback or the dev profile); elsewhere tokens come from an OIDC provider.
 */
@Path("/auth/token")
@Tag(name = "Local sign-in")
public class LocalTokenIssuer {

    private final LocalIssuerConfig config;
    private final LocalIssuerSwitch issuer;

    LocalTokenIssuer(LocalIssuerConfig config, LocalIssuerSwitch issuer) {
        this.config = config;
        this.issuer = issuer;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirements({})
    @Operation(operationId = "signIn",
            summary = "Sign in as a local user (embedded default only)",
            description = "Open to everyone: it is how a caller gets a token. Answers 404 when the local issuer is off "
                    + "(it is on only while the service listens on loopback).")
    public TokenResponse issue(@FormParam("username") String username, @FormParam("password") String password) {
        if (!issuer.on()) {
            throw ProblemException.notFound("Local token issuer", "(disabled; use the OIDC provider)");
        }
        LocalIssuerConfig.User user = username == null ? null : config.users().get(username);
        if (user == null || password == null || !sameSecret(user.password(), password)) {
            throw new ProblemException(401, "bad-credentials", "Unknown user or wrong password",
                    "Check the user name and password");
        }
        Set<String> roles = Set.copyOf(user.roles());
        String token = Jwt.issuer(config.issuer())
                .subject(username)
                .upn(username)
                .groups(roles)
                .expiresIn(config.lifetime())
                .sign();
        return new TokenResponse(token, "Bearer", config.lifetime().toSeconds(), roles);
    }

    private static boolean sameSecret(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    public record TokenResponse(String access_token, String token_type, long expires_in, Set<String> roles) {
    }
}
