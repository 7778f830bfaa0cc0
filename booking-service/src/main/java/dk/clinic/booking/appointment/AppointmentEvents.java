package dk.clinic.booking.appointment;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.clinic.booking.appointmenttype.AppointmentType;
import dk.clinic.contracts.EventType;
import dk.clinic.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The appointment lifecycle as events (topic {@code booking.appointments}), keyed by patient so one patient's events
 * stay in order. Every event carries the appointment's full current state and its version.
 */
@ApplicationScoped
class AppointmentEvents {

    private final Outbox outbox;

    AppointmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void booked(Appointment appointment, AppointmentType type) {
        publish(EventType.APPOINTMENT_BOOKED, appointment, type, null);
    }

    void rescheduled(Appointment appointment, AppointmentType type, Instant previousStart) {
        publish(EventType.APPOINTMENT_RESCHEDULED, appointment, type, previousStart);
    }

    /** The appointment reached {@code status}: arrived, fulfilled, no-show or cancelled. */
    void reached(AppointmentStatus status, Appointment appointment, AppointmentType type) {
        EventType event = switch (status) {
            case arrived -> EventType.APPOINTMENT_ARRIVED;
            case fulfilled -> EventType.APPOINTMENT_FULFILLED;
            case noshow -> EventType.APPOINTMENT_NO_SHOW;
            case cancelled -> EventType.APPOINTMENT_CANCELLED;
            case booked -> throw new IllegalArgumentException("An appointment is booked by booked(), not reached");
        };
        publish(event, appointment, type, null);
    }

    private void publish(EventType event, Appointment a, AppointmentType type, Instant previousStart) {
        Cancellation cancellation = a.cancelledBy == null ? null
                : new Cancellation(a.cancelledBy.name(), a.cancellationReason, Boolean.TRUE.equals(a.lateCancellation));
        outbox.record(event, a.patientId.toString(), a.id.toString(),
                new Data(a.id, a.patientId, a.appointmentTypeId, type.code, type.modality, a.practitionerId, a.roomId,
                        a.deviceId, a.seriesId, a.seriesPosition, a.start, a.end, a.status.name(), a.version,
                        a.schedulingRequestId, a.planId, a.courseId, previousStart, cancellation));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Data(UUID appointmentId, UUID patientId, UUID appointmentTypeId, String appointmentType, String modality,
                UUID practitionerId, UUID roomId, UUID deviceId, UUID seriesId, Integer seriesPosition,
                Instant start, Instant end, String status, long version, UUID schedulingRequestId, UUID planId,
                UUID courseId, Instant previousStart, Cancellation cancellation) {
    }

    record Cancellation(String by, String reason, boolean late) {
    }
}
