package dk.clinic.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Where the services are, and how users sign in. */
@ConfigMapping(prefix = "clinic.web")
public interface WebConfig {

    /** {@code local}: the services' local token issuer, on a page of the web app; {@code keycloak}: OpenID Connect. */
    SignIn signIn();

    /** Encrypts the session cookie and signs CSRF tokens; at least 32 characters, the same on every instance. */
    String sessionSecret();

    String bookingUrl();

    String treatmentUrl();

    Optional<String> reportingUrl();

    /** How long a call to a service may take before the page is told it is unavailable. */
    @WithDefault("PT30S")
    Duration serviceTimeout();

    enum SignIn {
        local, keycloak
    }
}
