package dk.clinic.platform.time;

import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;

/**
 * The service's "now", and, in a demo clinic only ({@code clinic.clock.movable=true}), moving it: ./clinic demo plays
 * weeks of a clinic's life through the public APIs by moving every service's clock a day at a time.
 */
@Path("/api/clock")
@Tag(name = "Clock")
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    private final Clock clock;

    ClockResource(Clock clock) {
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.PRACTITIONER, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "readClock", summary = "The service's now, and whether it may be moved",
            description = "Roles: receptionist, practitioner, analyst, admin.")
    public ClockView read() {
        return view();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "moveClock", summary = "Move a demo clinic's clock",
            description = "Roles: admin. Only where clinic.clock.movable is true (./clinic demo); elsewhere 409.")
    public ClockView move(@Valid @NotNull MoveClock request) {
        if (!(clock instanceof MovableClock movable) || !movable.movable()) {
            throw ProblemException.conflict("clock-not-movable", "This clinic's clock cannot be moved",
                    "Only a demo clinic's clock moves (clinic.clock.movable=true)");
        }
        movable.moveTo(request.now());
        return view();
    }

    private ClockView view() {
        return new ClockView(clock.instant(), clock instanceof MovableClock movable && movable.movable());
    }

    /** @param now the instant to be "now" from here on */
    public record MoveClock(@NotNull Instant now) {
    }

    public record ClockView(Instant now, boolean movable) {
    }
}
