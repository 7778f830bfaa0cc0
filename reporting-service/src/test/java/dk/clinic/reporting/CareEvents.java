package dk.clinic.reporting;

import dk.clinic.contracts.EventType;
import dk.clinic.testing.KafkaTestClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events as treatment-service and booking-service publish them (each checked against the contract before it is
 * sent), remembered so a test can send them all again: duplicates, and in another order.
 */
public final class CareEvents {

    private final List<Sent> sent = new ArrayList<>();

    public record Sent(UUID eventId, EventType type, String key, String subject, String data) {
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    /**
     * Sends every event again, last first, each under a new event id (as a producer that lost track would): the
     * inbox cannot tell these are duplicates, only the read model's versions can.
     *
     * @return how many were sent
     */
    public int resendAllReversedAsNewEvents() {
        for (Sent event : sent.reversed()) {
            KafkaTestClient.publish(event.type(), event.key(), event.subject(), event.data());
        }
        return sent.size();
    }

    public void episode(EventType type, UUID episode, UUID patient, String condition, boolean redFlag,
                        String referralDecision, Instant openedAt, Instant closedAt, long version) {
        send(type, patient, episode, """
                {"episodeId":"%s","patientId":"%s","condition":"%s","side":"left","redFlagPositive":%s,%s
                 "status":"%s","openedAt":"%s",%s"version":%d}""".formatted(episode, patient, condition, redFlag,
                referralDecision == null ? "" : "\"referralDecision\":\"" + referralDecision + "\",",
                closedAt == null ? "open" : "closed", openedAt,
                closedAt == null ? "" : "\"closedAt\":\"" + closedAt + "\",", version));
    }

    /** A plan with one course per modality, in order; course ids are given. */
    public void plan(UUID plan, UUID episode, UUID patient, int planVersion, List<UUID> courses, List<String> modalities,
                     List<String> statuses) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < courses.size(); i++) {
            items.append(i == 0 ? "" : ",").append("""
                    {"courseId":"%s","position":%d,"modality":"%s","plannedSessions":4,"reviewAfterSessions":3,
                     "status":"%s"}""".formatted(courses.get(i), i + 1, modalities.get(i), statuses.get(i)));
        }
        send(EventType.PLAN_CHANGED, patient, plan, """
                {"planId":"%s","episodeId":"%s","patientId":"%s","status":"active","planVersion":%d,"courses":[%s]}"""
                .formatted(plan, episode, patient, planVersion, items));
    }

    public void session(EventType type, UUID session, UUID patient, UUID episode, UUID plan, UUID course,
                        String modality, int number, UUID appointment, Instant deliveredAt, Integer pain, long version) {
        send(type, patient, session, """
                {"sessionId":"%s","patientId":"%s","episodeId":"%s","planId":"%s","courseId":"%s","modality":"%s",
                 "sessionNumber":%d,"appointmentId":"%s","deliveredAt":"%s","status":"%s",%s"version":%d}"""
                .formatted(session, patient, episode, plan, course, modality, number, appointment, deliveredAt,
                        pain == null ? "awaiting_record" : "recorded",
                        pain == null ? "" : "\"firstStepPain\":" + pain + ",", version));
    }

    public void outcome(UUID patient, UUID episode, String scale, String timepoint, LocalDate measuredOn,
                        double value) {
        UUID measurement = UUID.randomUUID();
        boolean vas = scale.startsWith("vas");
        send(EventType.OUTCOME_RECORDED, patient, measurement, """
                {"measurementId":"%s","patientId":"%s","episodeId":"%s","instrument":"%s","timepoint":"%s",
                 "measuredOn":"%s","scores":[{"scale":"%s","value":%s,"betterIs":"lower","mcic":%d}]}"""
                .formatted(measurement, patient, episode, scale, timepoint, measuredOn, scale, value, vas ? 19 : 2));
    }

    public void review(UUID patient, UUID episode, UUID plan, UUID course, String modality, int sessions,
                       String decision, Instant decidedAt) {
        UUID id = UUID.randomUUID();
        send(EventType.PLAN_REVIEW_DECIDED, patient, plan, """
                {"decisionId":"%s","planId":"%s","episodeId":"%s","patientId":"%s","courseId":"%s","modality":"%s",
                 "sessionsDelivered":%d,"decision":"%s",%s"decidedAt":"%s"}""".formatted(id, plan, episode, patient,
                course, modality, sessions, decision,
                switch (decision) {
                    case "switch" -> "\"newModality\":\"radial_shockwave\",";
                    case "continue" -> "\"additionalSessions\":2,";
                    default -> "";
                }, decidedAt));
    }

    public void appointment(EventType type, UUID appointment, UUID patient, UUID practitioner, String modality,
                            UUID plan, UUID course, Instant start, String status, String cancellation, long version) {
        send(type, patient, appointment, """
                {"appointmentId":"%s","patientId":"%s","appointmentTypeId":"%s","appointmentType":"%s",
                 "modality":"%s","practitionerId":"%s","planId":"%s","courseId":"%s","start":"%s","end":"%s",
                 "status":"%s",%s"version":%d}""".formatted(appointment, patient, UUID.nameUUIDFromBytes(
                        modality.getBytes()), modality, modality, practitioner, plan, course, start,
                start.plusSeconds(1800), status, cancellation == null ? "" : "\"cancellation\":" + cancellation + ",",
                version));
    }

    private void send(EventType type, UUID key, UUID subject, String data) {
        UUID id = KafkaTestClient.publish(type, key.toString(), subject.toString(), data);
        sent.add(new Sent(id, type, key.toString(), subject.toString(), data));
    }
}
