package dk.clinic.booking.series;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.booking.appointment.Conflict;
import dk.clinic.booking.clinic.ClinicTime;
import dk.clinic.booking.slot.Slot;

import java.util.List;

/**
 * One occurrence of a series that did not fit as a whole: whether it could be booked as asked, and if not why
 * ({@code resource-taken} with the resource, {@code outside-working-hours}, {@code in-the-past},
 * {@code time-does-not-exist}) and the next free times for it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OccurrenceFit(int position, ClinicTime localStart, boolean ok, String reason, String detail,
                            Conflict resource, List<Slot> alternatives) {
}
