package dk.clinic.booking.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicTime;

import java.time.Instant;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistEntryView(UUID id, UUID patientId, UUID appointmentTypeId, UUID practitionerId, Instant earliest,
                                Instant latest, ClinicTime localEarliest, ClinicTime localLatest, int priority,
                                WaitlistEntry.Status status, Instant createdAt, String createdBy, long version) {

    static WaitlistEntryView of(WaitlistEntry e, ClinicCalendar calendar) {
        return new WaitlistEntryView(e.id, e.patientId, e.appointmentTypeId, e.practitionerId, e.earliest, e.latest,
                calendar.clinicTime(e.earliest), calendar.clinicTime(e.latest), e.priority, e.status, e.createdAt,
                e.createdBy, e.version);
    }
}
