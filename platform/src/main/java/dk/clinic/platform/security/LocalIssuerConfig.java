package dk.clinic.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "clinic.local-issuer")
public interface LocalIssuerConfig {

    /**
     * {@code auto} (the default): on while the service listens on loopback only (as under {@code ./clinic up}) or runs in
     * the dev profile, off otherwise. {@code true}: on, and a service that listens on a network address refuses to start.
     * {@code false}: off, wherever an OIDC provider issues the tokens.
     */
    @WithDefault("auto")
    String enabled();

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
