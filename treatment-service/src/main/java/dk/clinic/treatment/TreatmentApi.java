package dk.clinic.treatment;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * treatment-service's REST API as its OpenAPI document presents it: what it is, where it runs locally and what each
 * group of operations is for. The committed document ({@code contracts/openapi/treatment-service.json}) is checked
 * against the served one by {@code OpenApiContractTest}.
 */
@OpenAPIDefinition(
        info = @Info(title = "treatment-service", version = "1.0",
                description = "Episodes of care, treatment plans, sessions and outcomes. Its users are practitioners "
                        + "and the clinic lead."),
        servers = @Server(url = "http://{host}:8082", description = "Where treatment-service runs",
                variables = @ServerVariable(name = "host", defaultValue = "localhost",
                        description = "localhost for the embedded default (./clinic up)")),
        tags = {
                @Tag(name = "Patients", description = "The patients booking-service registered, with their booked "
                        + "appointments; read-only here."),
                @Tag(name = "Episodes of care", description = "One complaint from first visit to discharge, opened "
                        + "with a red-flag screen."),
                @Tag(name = "Treatment plans", description = "Goals and courses of modalities, their review points "
                        + "and every version; and how well the booked sessions were kept."),
                @Tag(name = "Sessions", description = "What a delivered session did, and what the patient reported."),
                @Tag(name = "Outcome measures", description = "Validated questionnaires scored from the raw answers, "
                        + "their schedule, and the change from baseline."),
                @Tag(name = "Modalities", description = "The treatments the clinic offers, with their defaults and "
                        + "session parameters."),
                @Tag(name = "Patient timeline", description = "An episode with everything that happened in it, in one "
                        + "call."),
                @Tag(name = "Local sign-in", description = "Tokens for the local users of the embedded default; "
                        + "elsewhere tokens come from the clinic's identity provider.")
        })
public class TreatmentApi extends Application {
}
