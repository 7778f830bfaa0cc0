package dk.clinic.booking.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.booking.clinic.ClinicCalendar;
import dk.clinic.booking.clinic.ClinicTime;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as the reception sees it: who it is for (by name, as a calendar shows it), instants, and the same
 * times on the clinic's wall clock. Built by {@link AppointmentViews}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AppointmentView(UUID id, UUID patientId, String patientName, UUID appointmentTypeId, UUID practitionerId, UUID roomId,
                              UUID deviceId, UUID seriesId, Integer seriesPosition, Instant start, Instant end,
                              ClinicTime localStart, ClinicTime localEnd, AppointmentStatus status,
                              Cancellation cancellation, String note, UUID schedulingRequestId, UUID planId,
                              UUID courseId, String flag, String flagReason, long version) {

    static AppointmentView of(Appointment a, String patientName, ClinicCalendar calendar) {
        Cancellation cancellation = a.cancelledBy == null ? null
                : new Cancellation(a.cancelledBy, a.cancellationReason, Boolean.TRUE.equals(a.lateCancellation));
        return new AppointmentView(a.id, a.patientId, patientName, a.appointmentTypeId, a.practitionerId, a.roomId, a.deviceId,
                a.seriesId, a.seriesPosition, a.start, a.end, calendar.clinicTime(a.start), calendar.clinicTime(a.end),
                a.status, cancellation, a.note, a.schedulingRequestId, a.planId, a.courseId, a.flag, a.flagReason,
                a.version);
    }

    public record Cancellation(Appointment.CancelledBy by, String reason, boolean late) {
    }
}
