package dk.clinic.platform.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the local token issuer is on. It signs tokens for well-known users whose password is their name, so it must
 * never be reachable from a network: it is on only while the service listens on loopback, or in the dev profile, and a
 * service told to run it on a network address refuses to start rather than run unsafely.
 */
@ApplicationScoped
public class LocalIssuerSwitch {

    private static final Logger LOG = Logger.getLogger(LocalIssuerSwitch.class);

    private final LocalIssuerConfig config;
    private final String host;
    private volatile boolean on;

    LocalIssuerSwitch(LocalIssuerConfig config, @ConfigProperty(name = "quarkus.http.host") Optional<String> host) {
        this.config = config;
        // Quarkus listens on all addresses in prod and on localhost in dev and test unless told otherwise
        this.host = host.orElse(LaunchMode.current().isDevOrTest() ? "localhost" : "0.0.0.0");
    }

    void decide(@Observes StartupEvent startup) {
        on = decide(config.enabled(), host, LaunchMode.current() == LaunchMode.DEVELOPMENT);
        if (on) {
            LOG.warnf("The local token issuer is ON (POST /auth/token, users %s): the service listens on %s only. "
                    + "Wherever an OIDC provider issues tokens, set CLINIC_LOCAL_ISSUER=false.", config.users().keySet(),
                    host);
        }
    }

    /** @throws IllegalStateException when the issuer is asked for on a host other than loopback */
    static boolean decide(String mode, String host, boolean devProfile) {
        boolean safe = devProfile || isLoopback(host);
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "false" -> false;
            case "auto" -> safe;
            case "true" -> {
                if (!safe) {
                    throw new IllegalStateException("The local token issuer (CLINIC_LOCAL_ISSUER=true) signs tokens for "
                            + "well-known users and must not be reachable from a network, but this service listens on "
                            + host + ". Listen on 127.0.0.1 (QUARKUS_HTTP_HOST) or turn the issuer off "
                            + "(CLINIC_LOCAL_ISSUER=false) and verify tokens from an OIDC provider.");
                }
                yield true;
            }
            default -> throw new IllegalStateException("CLINIC_LOCAL_ISSUER must be auto, true or false, not " + mode);
        };
    }

    public boolean on() {
        return on;
    }

    private static boolean isLoopback(String host) {
        String bare = host.trim();
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false; // a name other than localhost may resolve to anything
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
