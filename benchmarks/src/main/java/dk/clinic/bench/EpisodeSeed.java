package dk.clinic.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The episodes the timeline benchmark reads, written through treatment-service's API by practitioner paula as she
 * would over about 20 months of plantar heel pain: an episode with a clear red-flag screen and a plan of dry
 * needling (weekly, reviewed every 10 sessions) and an exercise programme (every two weeks, reviewed every 8). At
 * each review point paula continues the course, until dry needling has had 50 sessions (a course holds at most 50)
 * and she switches to radial shockwave (the catalogue's 3 weekly sessions, continued to 10). 50 + 10 + 40 = 100
 * sessions, each recorded with its details and first-step pain; then discharge. NRS first-step pain, FFI and FAAM
 * are measured at baseline and weeks 2, 4, 6 and 12: 15 measurements. Sessions and measurements carry their own
 * past dates; the service stamps the opening, the plan versions and the review decisions with the request's time.
 */
final class EpisodeSeed {

    static final int DRY_NEEDLING_SESSIONS = 50;
    static final int SHOCKWAVE_SESSIONS = 10;
    static final int EXERCISE_SESSIONS = 40;
    static final List<Integer> MEASURED_WEEKS = List.of(0, 2, 4, 6, 12);
    static final List<String> INSTRUMENTS = List.of("nrs_first_step_pain", "ffi", "faam");

    private static final ZoneId CLINIC = ZoneId.of("Europe/Copenhagen");
    /** The first session, this many days ago: the last exercise session is still in the past. */
    private static final int STORY_DAYS = 600;

    private EpisodeSeed() {
    }

    /** What one episode holds once written: the timeline should answer with exactly this. */
    record Episode(UUID id, int sessions, int reviews, int planVersions, int measurements) {
    }

    /** One episode per patient, four at once (each episode's steps one after the other). */
    static List<Episode> write(Api api, String practitioner, List<UUID> patients) throws Exception {
        List<Future<Episode>> written = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(4)) {
            for (UUID patient : patients) {
                written.add(clients.submit(() -> episode(api, practitioner, patient)));
            }
        }
        List<Episode> episodes = new ArrayList<>();
        for (Future<Episode> episode : written) {
            episodes.add(episode.get());
        }
        return List.copyOf(episodes);
    }

    private static Episode episode(Api api, String token, UUID patient) throws Exception {
        UUID episode = api.post("/api/episodes", token, Map.of("patientId", patient,
                "condition", "plantar_heel_pain", "side", "right", "symptomWeeks", 14,
                "load", Map.of("weightKg", 86.5, "runs", true, "standingWork", true, "footwear", "Flat work shoes"),
                "referralSource", "GP",
                "redFlags", Map.of("noImprovement", false, "swellingRednessWarmth", false,
                        "cannotStandOrWalk", false, "systemicDisease", false))).id();
        Course needling = new Course("dry_needling", DRY_NEEDLING_SESSIONS, 10);
        Course exercise = new Course("exercise_programme", EXERCISE_SESSIONS, 8);
        Course shockwave = new Course("radial_shockwave", SHOCKWAVE_SESSIONS, 3);
        JsonNode plan = api.post("/api/plans", token, Map.of("episodeId", episode,
                "goals", List.of("Walk 30 minutes without heel pain", "Run 5 km again"),
                "courses", List.of(needling.asNew(7), exercise.asNew(14)))).expect(201).json();
        UUID planId = UUID.fromString(plan.get("id").asText());
        needling.id = UUID.fromString(plan.get("courses").get(0).get("id").asText());
        exercise.id = UUID.fromString(plan.get("courses").get(1).get("id").asText());

        LocalDate first = LocalDate.now(CLINIC).minusDays(STORY_DAYS);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < DRY_NEEDLING_SESSIONS + SHOCKWAVE_SESSIONS; i++) {
            sessions.add(new Session(i < DRY_NEEDLING_SESSIONS ? needling : shockwave,
                    first.plusWeeks(i).atTime(LocalTime.of(9, 0)).atZone(CLINIC).toInstant(), i));
        }
        for (int i = 0; i < EXERCISE_SESSIONS; i++) {
            sessions.add(new Session(exercise, first.plusDays(3 + 14L * i).atTime(LocalTime.of(15, 30)).atZone(CLINIC)
                    .toInstant(), i));
        }
        sessions.sort(Comparator.comparing(Session::at));
        int reviews = 0;
        for (Session session : sessions) {
            Course course = session.course();
            if (course.id == null) {
                review(api, token, planId, Map.of("courseId", needling.id, "decision", "switch",
                        "newModality", course.modality,
                        "reason", "First-step pain no longer improving with needling; try radial shockwave"));
                reviews++;
                course.id = UUID.fromString(api.get("/api/plans/" + planId, token).expect(200).json()
                        .get("courses").get(2).get("id").asText());
            } else if (course.delivered > 0 && course.delivered % course.reviewEvery == 0) {
                int more = Math.min(course.reviewEvery, course.sessions - course.delivered);
                review(api, token, planId, Map.of("courseId", course.id, "decision", "continue",
                        "additionalSessions", more, "reason", "First-step pain falling; " + more + " more sessions"));
                reviews++;
            }
            api.post("/api/sessions", token, Map.of("courseId", course.id, "deliveredAt", session.at().toString(),
                    "record", record(course, session.number()))).expect(201);
            course.delivered++;
        }
        review(api, token, planId, Map.of("courseId", shockwave.id, "decision", "discharge",
                "reason", "Walks 30 minutes without heel pain; runs 5 km"));
        reviews++;

        int measurements = 0;
        for (int i = 0; i < MEASURED_WEEKS.size(); i++) {
            int week = MEASURED_WEEKS.get(i);
            LocalDate on = first.plusWeeks(week);
            String timepoint = week == 0 ? "baseline" : "week_" + week;
            for (String instrument : INSTRUMENTS) {
                api.post("/api/outcomes", token, Map.of("episodeId", episode, "instrument", instrument,
                        "timepoint", timepoint, "measuredOn", on.toString(), "answers", answers(instrument, i)))
                        .expect(201);
                measurements++;
            }
        }
        return new Episode(episode, sessions.size(), reviews, 1 + reviews, measurements);
    }

    private static void review(Api api, String token, UUID plan, Map<String, Object> decision) throws Exception {
        long version = api.get("/api/plans/" + plan, token).expect(200).json().get("version").asLong();
        api.post("/api/plans/" + plan + "/reviews", token, version, decision).expect(200);
    }

    /** Soreness after about a third of the needling sessions, as the trial reported. */
    private static Map<String, Object> record(Course course, int number) {
        int pain = 7 - 6 * number / (DRY_NEEDLING_SESSIONS + SHOCKWAVE_SESSIONS);
        return switch (course.modality) {
            case "dry_needling" -> Map.of("details", Map.of(
                            "muscles", List.of("gastrocnemius medial", "soleus", "quadratus plantae"),
                            "points", 4 + number % 3, "twitchResponses", 2 + number % 4),
                    "adverseEvents", number % 3 == 0 ? List.of(Map.of("kind", "soreness", "days", 2)) : List.of(),
                    "notes", "Calf and sole tender; needled trigger points, tolerated well", "firstStepPain", pain);
            case "radial_shockwave" -> Map.of("details", Map.of("impulses", 2000, "frequencyHz", 10,
                            "barPressure", 2.5, "applicator", "15 mm"),
                    "notes", "Medial calcaneal tubercle; tolerated at 2.5 bar", "firstStepPain", pain);
            default -> Map.of("details", Map.of("exercises", List.of("plantar fascia stretch",
                            "calf stretch against wall", "heel raises 3 x 15", "towel curls")),
                    "notes", "Home programme checked and progressed",
                    "firstStepPain", 7 - 6 * number / EXERCISE_SESSIONS);
        };
    }

    /** The i-th of the measured timepoints, improving from baseline on. */
    private static Map<String, Object> answers(String instrument, int i) {
        return switch (instrument) {
            case "nrs_first_step_pain" -> Map.of("value", 7 - i);
            case "ffi" -> Map.of("pain", items(9, 7 - i), "disability", items(9, 6 - i),
                    "activityLimitation", items(5, Math.max(0, 4 - i)));
            case "faam" -> Map.of("adl", items(21, Math.min(4, 2 + i / 2)), "sports", items(8, Math.min(4, 1 + i / 2)));
            default -> throw new IllegalArgumentException(instrument);
        };
    }

    private static List<Integer> items(int count, int value) {
        return Collections.nCopies(count, value);
    }

    /** A course as paula plans it: its modality, how many sessions in all, and how many between reviews. */
    private static final class Course {
        final String modality;
        final int sessions;
        final int reviewEvery;
        /** Known once the plan (or, for the course switched to, the review) has made it. */
        UUID id;
        int delivered;

        Course(String modality, int sessions, int reviewEvery) {
            this.modality = modality;
            this.sessions = sessions;
            this.reviewEvery = reviewEvery;
        }

        Map<String, Object> asNew(int intervalDays) {
            return Map.of("modality", modality, "plannedSessions", reviewEvery, "intervalDays", intervalDays,
                    "reviewAfterSessions", reviewEvery);
        }
    }

    private record Session(Course course, Instant at, int number) {
    }
}
