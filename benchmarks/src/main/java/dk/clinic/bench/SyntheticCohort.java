package dk.clinic.bench;

import dk.clinic.contracts.EventType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A clinic's history as the events treatment-service and booking-service publish about it, for reporting-service:
 * episodes opened over two years, each with a plan of one course (dry needling, radial shockwave or osteopathy),
 * 3-9 recorded sessions with their first-step pain and their fulfilled appointments, some no-shows and late
 * cancellations, four NRS first-step-pain measures (baseline, weeks 2, 6 and 12), a review decision for dry
 * needling after 3-5 sessions, and most episodes closed. Seeded: the same seed gives the same events.
 */
final class SyntheticCohort {

    static final Instant FIRST_DAY = Instant.parse("2025-01-06T07:00:00Z");
    static final int PRACTITIONERS = 20;
    private static final String[] MODALITIES = {"dry_needling", "radial_shockwave", "osteopathy"};
    private static final String[] DECISIONS = {"continue", "switch", "discharge", "refer"};

    /** One event as the broker carries it. */
    record Event(UUID id, EventType type, String key, String subject, Instant time, String data) {
    }

    private final Random random;
    private final List<UUID> practitioners = new ArrayList<>();

    SyntheticCohort(long seed) {
        this.random = new Random(seed);
        Random ids = new Random(seed + 1);
        for (int i = 0; i < PRACTITIONERS; i++) {
            practitioners.add(new UUID(ids.nextLong(), ids.nextLong()));
        }
    }

    List<UUID> practitioners() {
        return practitioners;
    }

    /** Hands {@code episodes} episodes' events to {@code sink}, one episode after the other. */
    void generate(int episodes, Consumer<Event> sink) {
        for (int i = 0; i < episodes; i++) {
            episode(sink);
        }
    }

    private void episode(Consumer<Event> sink) {
        UUID patient = uuid();
        UUID episode = uuid();
        UUID plan = uuid();
        UUID course = uuid();
        UUID practitioner = practitioners.get(random.nextInt(PRACTITIONERS));
        Instant opened = FIRST_DAY.plus(Duration.ofDays(random.nextInt(730))).plus(Duration.ofMinutes(random.nextInt(480)));
        String condition = random.nextInt(10) < 7 ? "plantar_heel_pain" : random.nextBoolean() ? "achilles_tendinopathy" : "other";
        String modality = MODALITIES[pick(45, 35, 20)];
        boolean redFlag = random.nextInt(20) == 0;
        String episodeData = """
                {"episodeId":"%s","patientId":"%s","condition":"%s","side":"%s","redFlagPositive":%s,%s"status":"%%s","openedAt":"%s",%%s"version":%%d}"""
                .formatted(episode, patient, condition, random.nextBoolean() ? "left" : "right", redFlag,
                        redFlag ? "\"referralDecision\":\"treat\"," : "", opened);
        sink.accept(event(EventType.EPISODE_OPENED, patient, episode, opened, episodeData.formatted("open", "", 0)));
        sink.accept(event(EventType.PLAN_CHANGED, patient, plan, opened, """
                {"planId":"%s","episodeId":"%s","patientId":"%s","status":"active","planVersion":1,"courses":[{"courseId":"%s","position":1,"modality":"%s","plannedSessions":5,"reviewAfterSessions":4,"status":"active"}]}"""
                .formatted(plan, episode, patient, course, modality)));

        int baseline = 4 + random.nextInt(6);
        double fallPerSession = random.nextInt(3) == 0 ? 0.1 : 0.4 + random.nextDouble() * 0.9;
        int sessions = 3 + random.nextInt(7);
        Instant last = opened;
        for (int s = 1; s <= sessions; s++) {
            Instant at = opened.plus(Duration.ofDays(7L * s));
            last = at;
            UUID appointment = uuid();
            sink.accept(appointment(EventType.APPOINTMENT_FULFILLED, appointment, patient, practitioner, modality, plan,
                    course, at, "fulfilled", null, 2));
            int pain = (int) Math.max(0, Math.min(10, Math.round(baseline - fallPerSession * s + random.nextGaussian())));
            UUID session = uuid();
            sink.accept(event(EventType.SESSION_RECORDED, patient, session, at, """
                    {"sessionId":"%s","patientId":"%s","episodeId":"%s","planId":"%s","courseId":"%s","modality":"%s","sessionNumber":%d,"appointmentId":"%s","deliveredAt":"%s","status":"recorded","firstStepPain":%d,"version":1}"""
                    .formatted(session, patient, episode, plan, course, modality, s, appointment, at, pain)));
        }
        if (random.nextInt(100) < 8) {
            sink.accept(appointment(EventType.APPOINTMENT_NO_SHOW, uuid(), patient, practitioner, modality, plan, course,
                    opened.plus(Duration.ofDays(3)), "noshow", null, 1));
        }
        if (random.nextInt(100) < 5) {
            sink.accept(appointment(EventType.APPOINTMENT_CANCELLED, uuid(), patient, practitioner, modality, plan,
                    course, opened.plus(Duration.ofDays(4)), "cancelled", "{\"by\":\"patient\",\"late\":true}", 1));
        }
        LocalDate day = opened.atOffset(ZoneOffset.UTC).toLocalDate();
        int[] weeks = {0, 2, 6, 12};
        for (int w : weeks) {
            double expected = w == 0 ? baseline : baseline - fallPerSession * Math.min(sessions, w);
            int value = (int) Math.max(0, Math.min(10, Math.round(expected + (w == 0 ? 0 : random.nextGaussian()))));
            sink.accept(event(EventType.OUTCOME_RECORDED, patient, uuid(), opened.plus(Duration.ofDays(7L * w)), """
                    {"measurementId":"%s","patientId":"%s","episodeId":"%s","instrument":"nrs_first_step_pain","timepoint":"%s","measuredOn":"%s","scores":[{"scale":"nrs_first_step_pain","value":%d,"betterIs":"lower","mcic":2}]}"""
                    .formatted(uuid(), patient, episode, w == 0 ? "baseline" : "week_" + w, day.plusWeeks(w), value)));
        }
        if (modality.equals("dry_needling") && sessions >= 3) {
            int at = Math.min(sessions, 3 + random.nextInt(3));
            sink.accept(event(EventType.PLAN_REVIEW_DECIDED, patient, plan, opened.plus(Duration.ofDays(7L * at)), """
                    {"decisionId":"%s","planId":"%s","episodeId":"%s","patientId":"%s","courseId":"%s","modality":"dry_needling","sessionsDelivered":%d,"decision":"%s","decidedAt":"%s"}"""
                    .formatted(uuid(), plan, episode, patient, course, at, DECISIONS[pick(35, 25, 30, 10)],
                            opened.plus(Duration.ofDays(7L * at)))));
        }
        if (random.nextInt(10) < 6) {
            Instant closed = last.plus(Duration.ofDays(14));
            sink.accept(event(EventType.EPISODE_CLOSED, patient, episode, closed,
                    episodeData.formatted("closed", "\"closedAt\":\"" + closed + "\",", 1)));
        }
    }

    private Event appointment(EventType type, UUID appointment, UUID patient, UUID practitioner, String modality,
                              UUID plan, UUID course, Instant start, String status, String cancellation, int version) {
        return event(type, patient, appointment, start, """
                {"appointmentId":"%s","patientId":"%s","appointmentTypeId":"%s","appointmentType":"%s","modality":"%s","practitionerId":"%s","planId":"%s","courseId":"%s","start":"%s","end":"%s","status":"%s",%s"version":%d}"""
                .formatted(appointment, patient, UUID.nameUUIDFromBytes(modality.getBytes()), modality, modality,
                        practitioner, plan, course, start, start.plus(Duration.ofMinutes(30)), status,
                        cancellation == null ? "" : "\"cancellation\":" + cancellation + ",", version));
    }

    private Event event(EventType type, UUID patient, UUID subject, Instant time, String data) {
        return new Event(uuid(), type, patient.toString(), subject.toString(), time, data);
    }

    private int pick(int... weights) {
        int roll = random.nextInt(100);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
