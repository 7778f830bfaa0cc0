package dk.clinic.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type of {@code contracts/asyncapi.yaml} (the CloudEvents {@code type}) with the topic it travels on.
 * Producers and consumers name events only through this; {@code EventTypesTest} fails when it and the document
 * disagree.
 */
public enum EventType {
    PATIENT_REGISTERED("clinic.booking.patient.registered.v1", Topic.BOOKING_PATIENTS),
    PATIENT_CHANGED("clinic.booking.patient.changed.v1", Topic.BOOKING_PATIENTS),
    APPOINTMENT_BOOKED("clinic.booking.appointment.booked.v1", Topic.BOOKING_APPOINTMENTS),
    APPOINTMENT_RESCHEDULED("clinic.booking.appointment.rescheduled.v1", Topic.BOOKING_APPOINTMENTS),
    APPOINTMENT_CANCELLED("clinic.booking.appointment.cancelled.v1", Topic.BOOKING_APPOINTMENTS),
    APPOINTMENT_ARRIVED("clinic.booking.appointment.arrived.v1", Topic.BOOKING_APPOINTMENTS),
    APPOINTMENT_FULFILLED("clinic.booking.appointment.fulfilled.v1", Topic.BOOKING_APPOINTMENTS),
    APPOINTMENT_NO_SHOW("clinic.booking.appointment.noshow.v1", Topic.BOOKING_APPOINTMENTS),
    WAITLIST_OFFER_MADE("clinic.booking.waitlist.offer-made.v1", Topic.BOOKING_WAITLIST),
    EPISODE_OPENED("clinic.treatment.episode.opened.v1", Topic.TREATMENT_EPISODES),
    EPISODE_CHANGED("clinic.treatment.episode.changed.v1", Topic.TREATMENT_EPISODES),
    EPISODE_CLOSED("clinic.treatment.episode.closed.v1", Topic.TREATMENT_EPISODES),
    PLAN_CHANGED("clinic.treatment.plan.changed.v1", Topic.TREATMENT_PLANS),
    PLAN_REVIEW_DECIDED("clinic.treatment.plan.review-decided.v1", Topic.TREATMENT_PLANS),
    PLAN_REVIEW_DUE("clinic.treatment.plan.review-due.v1", Topic.TREATMENT_PLANS),
    PLAN_CLOSED("clinic.treatment.plan.closed.v1", Topic.TREATMENT_PLANS),
    SESSION_DELIVERED("clinic.treatment.session.delivered.v1", Topic.TREATMENT_SESSIONS),
    SESSION_RECORDED("clinic.treatment.session.recorded.v1", Topic.TREATMENT_SESSIONS),
    OUTCOME_RECORDED("clinic.treatment.outcome.recorded.v1", Topic.TREATMENT_OUTCOMES),
    SCHEDULING_REQUESTED("clinic.treatment.scheduling.requested.v1", Topic.TREATMENT_SCHEDULING);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));

    private final String type;
    private final Topic topic;

    EventType(String type, Topic topic) {
        this.type = type;
        this.topic = topic;
    }

    /** The CloudEvents type attribute, e.g. {@code clinic.booking.patient.registered.v1}. */
    public String type() {
        return type;
    }

    public Topic topic() {
        return topic;
    }

    /** The contract's event type of this name; empty for a type no contract declares. */
    public static Optional<EventType> named(String type) {
        return Optional.ofNullable(type).map(BY_NAME::get);
    }
}
