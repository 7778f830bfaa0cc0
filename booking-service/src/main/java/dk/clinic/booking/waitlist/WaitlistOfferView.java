package dk.clinic.booking.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicTime;

import java.time.Instant;
import java.util.UUID;

/** An offer as the reception sees it, with the patient it went to; {@code appointmentId} once accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistOfferView(UUID id, UUID entryId, UUID patientId, UUID appointmentTypeId, UUID practitionerId,
                                Instant start, Instant end, ClinicTime localStart, ClinicTime localEnd,
                                Instant expiresAt, WaitlistOffer.Status status, UUID appointmentId) {

    static WaitlistOfferView of(WaitlistOffer o, WaitlistEntry entry, ClinicCalendar calendar) {
        return new WaitlistOfferView(o.id, o.entryId, entry.patientId, entry.appointmentTypeId, o.practitionerId,
                o.start, o.end, calendar.clinicTime(o.start), calendar.clinicTime(o.end), o.expiresAt, o.status,
                o.appointmentId);
    }
}
