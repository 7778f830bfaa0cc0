package dk.clinic.booking;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.servers.ServerVariable;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * booking-service's REST API as its OpenAPI document presents it: what it is, where it runs locally and what each
 * group of operations is for. The committed document ({@code contracts/openapi/booking-service.json}) is checked
 * against the served one by {@code OpenApiContractTest}.
 */
@OpenAPIDefinition(
        info = @Info(title = "booking-service", version = "1.0",
                description = "Patients, the clinic's resources and working hours, slot search, appointments, series, "
                        + "the waitlist and scheduling requests from treatment plans. Its users are receptionists."),
        servers = @Server(url = "http://{host}:8081", description = "Where booking-service runs",
                variables = @ServerVariable(name = "host", defaultValue = "localhost",
                        description = "localhost for the embedded default (./clinic up)")),
        tags = {
                @Tag(name = "Patients", description = "Who the clinic treats: registration, correction and search by name."),
                @Tag(name = "Practitioners", description = "Who treats, and which modalities each may deliver."),
                @Tag(name = "Rooms and devices", description = "Treatment rooms and devices such as shockwave units, "
                        + "held by appointments that need them."),
                @Tag(name = "Appointment types", description = "What can be booked: duration, buffers, and the "
                        + "room and device it needs."),
                @Tag(name = "Working hours", description = "Practitioners' weekly hours, their absences and extra hours, "
                        + "and the days the clinic is closed, in local clinic time."),
                @Tag(name = "Slot search", description = "Free start times where practitioner, room and device are "
                        + "all available."),
                @Tag(name = "Appointments", description = "Booking, moving and cancelling, and the visit itself: "
                        + "arrival, delivery or no-show. Every change keeps an audit trail."),
                @Tag(name = "Series", description = "A course of appointments booked, moved or cancelled together."),
                @Tag(name = "Waitlist", description = "Patients waiting for an earlier time, and the offers made to "
                        + "them when a time is freed."),
                @Tag(name = "Scheduling requests", description = "Sessions treatment plans ask the reception to book."),
                @Tag(name = "Clinic", description = "The clinic's time zone and booking policies."),
                @Tag(name = "Local sign-in", description = "Tokens for the local users of the embedded default; "
                        + "elsewhere tokens come from the clinic's identity provider.")
        })
public class BookingApi extends Application {
}
