package dk.clinic.platform.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Says loudly when the local issuer is on, so a deployment that forgot to turn it off is noticed. */
@ApplicationScoped
class LocalIssuerNotice {

    private static final Logger LOG = Logger.getLogger(LocalIssuerNotice.class);

    void onStart(@Observes StartupEvent startup, LocalIssuerConfig config) {
        if (config.enabled()) {
            LOG.warnf("The local token issuer is ON (POST /auth/token, users %s). It is meant for ./clinic up on one "
                    + "machine; set CLINIC_LOCAL_ISSUER=false wherever an OIDC provider issues tokens.",
                    config.users().keySet());
        }
    }
}
