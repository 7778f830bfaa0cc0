package dk.clinic.booking.slot;

import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.booking.appointmenttype.AppointmentTypeService;
import dk.clinic.booking.bookable.Bookables;
import dk.clinic.booking.bookable.Practitioner;
import dk.clinic.booking.clinic.ClinicService;
import dk.clinic.platform.problem.ProblemException;
import dk.clinic.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/api/slots")
@Tag(name = "Slot search")
@Produces(MediaType.APPLICATION_JSON)
public class SlotResource {

    static final int LONGEST_PERIOD_DAYS = 92;

    private final SlotFinder slots;
    private final AppointmentTypeService types;
    private final Bookables bookables;
    private final Clock clock;
    private final ClinicService clinics;

    SlotResource(SlotFinder slots, AppointmentTypeService types, Bookables bookables, Clock clock,
                 ClinicService clinics) {
        this.clinics = clinics;
        this.slots = slots;
        this.types = types;
        this.bookables = bookables;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.RECEPTIONIST, Roles.ADMIN})
    @Operation(operationId = "findFreeSlots",
            summary = "Free start times for an appointment type in a period of local days",
            description = "Roles: receptionist, admin. Every required resource (practitioner, room, device) is free, "
                    + "buffers included, inside working hours. Earliest first; with patient=..., that patient's "
                    + "previous practitioner comes first.")
    public List<Slot> find(@QueryParam("type") @NotNull UUID typeId,
                           @QueryParam("from") @NotNull LocalDate from,
                           @QueryParam("to") @NotNull LocalDate to,
                           @QueryParam("practitioner") UUID practitionerId,
                           @QueryParam("patient") UUID patientId,
                           @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(200) int limit) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        if (from.plusDays(LONGEST_PERIOD_DAYS).isBefore(to)) {
            throw ProblemException.invalid("to", "must be within " + LONGEST_PERIOD_DAYS + " days of from");
        }
        var calendar = clinics.calendar();
        calendar.requireWithin("from", from);
        calendar.requireWithin("to", to);
        AppointmentType type = types.requireActiveReference("type", typeId);
        Practitioner practitioner = practitionerId == null ? null
                : bookables.requireActiveReference(Practitioner.class, "practitioner", practitionerId);
        UUID preferred = patientId == null ? null : slots.previousPractitioner(patientId, type.modality).orElse(null);
        return slots.find(type, from, to, practitioner, preferred, clock.instant(), limit);
    }
}
