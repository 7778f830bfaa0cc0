package dk.clinic.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "clinic.local-issuer")
public interface LocalIssuerConfig {

    /** On in the embedded default; off wherever an OIDC provider issues the tokens. */
    @WithDefault("true")
    boolean enabled();

    /** The {@code iss} claim; the services verify it through {@code mp.jwt.verify.issuer}. */
    @WithName("issuer")
    String issuer();

    @WithDefault("PT8H")
    Duration lifetime();

    Map<String, User> users();

    interface User {
        String password();

        List<String> roles();
    }
}
