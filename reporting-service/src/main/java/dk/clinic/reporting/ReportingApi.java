package dk.clinic.reporting;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * reporting-service's REST API as its OpenAPI document presents it. The committed document
 * ({@code contracts/openapi/reporting-service.json}) is checked against the served one by {@code OpenApiContractTest}.
 */
@OpenAPIDefinition(
        info = @Info(title = "reporting-service", version = "1.0",
                description = "The clinic lead's figures: what works, for whom, after how many sessions, from a read "
                        + "model fed only by the other services' events. No patient is named in it."),
        servers = @Server(url = "http://{host}:8083", description = "Where reporting-service runs",
                variables = @ServerVariable(name = "host", defaultValue = "localhost",
                        description = "localhost for the embedded default (./clinic up)")),
        tags = {
                @Tag(name = "Reports", description = "Outcomes, responders, sessions until response, review decisions "
                        + "and attendance, as JSON or CSV; small numbers suppressed."),
                @Tag(name = "Read model", description = "What the reports are computed from, and its rebuild."),
                @Tag(name = "Local sign-in", description = "Tokens for the local users of the embedded default; "
                        + "elsewhere tokens come from the clinic's identity provider.")
        })
public class ReportingApi extends Application {
}
