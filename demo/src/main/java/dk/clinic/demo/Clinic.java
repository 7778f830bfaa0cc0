package dk.clinic.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The demo clinic as its users reach it: booking-service as the reception (and the admin who sets it up),
 * treatment-service as a practitioner, and every service's clock, which a demo clinic's admin may move.
 */
final class Clinic {

    private static final Duration EVENTS_WAIT = Duration.ofSeconds(90);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final String[] GIVEN = {"Anne", "Mette", "Lars", "Jens", "Kari", "Ole", "Ingrid", "Sofie", "Emil",
            "Nora", "Henrik", "Lise", "Tove", "Bjørn", "Astrid", "Mikkel"};
    private static final String[] FAMILY = {"Nielsen", "Hansen", "Jensen", "Larsen", "Berg", "Johansen", "Olsen",
            "Pedersen", "Dahl", "Lund", "Holm", "Bakke"};

    private final Http reception;
    private final Http admin;
    private final Http practitioner;
    private final List<Http> clocks;
    private final List<UUID> practitioners = new ArrayList<>();
    private final Map<String, UUID> types = new HashMap<>();
    private ZoneId zone;
    private Instant simulatedNow;

    Clinic(String booking, String treatment, List<String> others) {
        this.reception = Http.as(booking, "rita");
        this.admin = Http.as(booking, "admin");
        this.practitioner = Http.as(treatment, "paula");
        this.clocks = new ArrayList<>(List.of(admin, Http.as(treatment, "admin")));
        others.forEach(url -> clocks.add(Http.as(url, "admin")));
    }

    /** Checks every clock can move, then sets the clinic up: practitioners, rooms, the shockwave device, types. */
    void setUp(long seed) {
        for (Http clock : clocks) {
            if (!clock.get("/api/clock").expect(200).json().path("movable").asBoolean()) {
                throw new IllegalStateException("A service's clock cannot be moved (" + clock.get("/api/clock").request()
                        + "): run the demo against a demo clinic (./clinic demo starts one)");
            }
        }
        zone = ZoneId.of(admin.get("/api/clinic").expect(200).json().path("timeZone").asText());
        String run = "s" + seed + "-" + Long.toString(System.currentTimeMillis() % 100_000, 36);
        String[] names = {"Anna Demo", "Peter Demo", "Sara Demo", "Thomas Demo"};
        String hours = weekdays();
        for (String name : names) {
            UUID id = UUID.fromString(admin.post("/api/practitioners", Map.of("name", name + " (" + run + ")",
                    "profession", "physiotherapist", "modalities", List.of(Simulation.DRY_NEEDLING, Simulation.SHOCKWAVE)))
                    .expect(201).json().path("id").asText());
            admin.put("/api/working-hours/" + id, hours, null).expect(200);
            practitioners.add(id);
            admin.post("/api/rooms", Map.of("name", "Room " + name.charAt(0) + " (" + run + ")",
                    "roomKind", "demo_treatment")).expect(201);
        }
        admin.post("/api/devices", Map.of("name", "Shockwave unit (" + run + ")", "deviceKind", "demo_shockwave"))
                .expect(201);
        String code = run.replaceAll("[^a-z0-9]", "_");
        types.put(Simulation.DRY_NEEDLING, type("dn_" + code, "Dry needling", Simulation.DRY_NEEDLING, null));
        types.put(Simulation.SHOCKWAVE, type("sw_" + code, "Shockwave", Simulation.SHOCKWAVE, "demo_shockwave"));
    }

    private UUID type(String code, String name, String modality, String deviceKind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "demo_" + code);
        body.put("name", Map.of("da", name, "nb", name, "en", name));
        body.put("durationMinutes", 30);
        body.put("bufferBeforeMinutes", 0);
        body.put("bufferAfterMinutes", 0);
        body.put("modality", modality);
        body.put("roomKind", "demo_treatment");
        if (deviceKind != null) {
            body.put("deviceKind", deviceKind);
        }
        return UUID.fromString(admin.post("/api/appointment-types", body).expect(201).json().path("id").asText());
    }

    private static String weekdays() {
        StringBuilder days = new StringBuilder();
        for (String day : new String[]{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            days.append(days.isEmpty() ? "" : ",").append("""
                    {"weekday":"%s","start":"08:00","end":"16:00","breaks":[{"start":"12:00","end":"12:30"}]}"""
                    .formatted(day));
        }
        return "{\"days\":[" + days + "]}";
    }

    ZoneId zone() {
        return zone;
    }

    List<UUID> practitioners() {
        return practitioners;
    }

    LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    String calendarTime(Instant instant) {
        return LOCAL.format(instant.atZone(zone));
    }

    // --- the clocks -----------------------------------------------------------------------------------------------

    void clockTo(Instant now) {
        simulatedNow = now;
        for (Http clock : clocks) {
            clock.put("/api/clock", Map.of("now", now.toString()), null).expect(200);
        }
    }

    void clockToNow() {
        clockTo(Instant.now());
    }

    // --- the reception --------------------------------------------------------------------------------------------

    UUID register(String tag, Random random) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("givenName", GIVEN[random.nextInt(GIVEN.length)]);
        patient.put("familyName", FAMILY[random.nextInt(FAMILY.length)] + " " + tag);
        patient.put("birthDate", LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 60)).toString());
        patient.put("preferredLanguage", new String[]{"da", "nb", "en"}[random.nextInt(3)]);
        patient.put("reminderConsent", false);
        return UUID.fromString(reception.post("/api/patients", patient).expect(201).json().path("id").asText());
    }

    JsonNode awaitRequest(UUID courseId) {
        return await("the scheduling request of course " + courseId, () -> {
            for (JsonNode request : reception.get("/api/scheduling-requests?status=open").expect(200).json()) {
                if (request.path("courseId").asText().equals(courseId.toString())) {
                    return request;
                }
            }
            return null;
        });
    }

    JsonNode bookSeries(UUID patient, String modality, int practitioner, String firstStart, int count, UUID request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patientId", patient);
        body.put("appointmentTypeId", types.get(modality));
        body.put("practitionerId", practitioners.get(practitioner));
        body.put("firstStart", firstStart);
        body.put("count", count);
        body.put("intervalDays", 7);
        body.put("schedulingRequestId", request);
        return reception.post("/api/series", body).expect(201).json();
    }

    JsonNode cancel(UUID appointment, long version, String by, String reason) {
        return reception.post("/api/appointments/" + appointment + "/cancel", Map.of("by", by, "reason", reason),
                "\"" + version + "\"").expect(200).json();
    }

    long noShow(UUID appointment, long version) {
        return reception.post("/api/appointments/" + appointment + "/no-show", null, "\"" + version + "\"")
                .expect(200).json().path("version").asLong();
    }

    long fulfil(UUID appointment, long version) {
        return reception.post("/api/appointments/" + appointment + "/fulfil", null, "\"" + version + "\"")
                .expect(200).json().path("version").asLong();
    }

    // --- the practitioner -----------------------------------------------------------------------------------------

    void awaitKnownToTreatment(List<UUID> patients) {
        for (UUID patient : patients) {
            await("patient " + patient + " in treatment-service",
                    () -> practitioner.get("/api/patients/" + patient).status() == 200 ? Boolean.TRUE : null);
        }
    }

    JsonNode openEpisode(UUID patient, String condition, boolean redFlag) {
        return practitioner.post("/api/episodes", """
                {"patientId":"%s","condition":"%s","side":"left","symptomWeeks":12,"referralSource":"self",
                 "redFlags":{"noImprovement":false,"swellingRednessWarmth":%s,"cannotStandOrWalk":false,
                 "systemicDisease":false}}""".formatted(patient, condition, redFlag)).expect(201).json();
    }

    void decideReferral(UUID episode, boolean refer) {
        String etag = practitioner.get("/api/episodes/" + episode).expect(200).etag();
        practitioner.post("/api/episodes/" + episode + "/referral-decision", Map.of("decision", refer ? "refer" : "treat",
                "reason", refer ? "Swelling and warmth: to the GP" : "Warmth after a long walk; no other sign"), etag)
                .expect(200);
    }

    UUID measure(UUID episode, String timepoint, LocalDate day, int value) {
        return UUID.fromString(practitioner.post("/api/outcomes", Map.of("episodeId", episode,
                        "instrument", "nrs_first_step_pain", "timepoint", timepoint, "measuredOn", day.toString(),
                        "answers", Map.of("value", value)))
                .expect(201).json().path("id").asText());
    }

    JsonNode createPlan(UUID episode, String modality, int sessions, int reviewAfter, UUID preferred) {
        return practitioner.post("/api/plans", Map.of("episodeId", episode,
                        "goals", List.of("Walk 30 minutes without heel pain"),
                        "courses", List.of(Map.of("modality", modality, "plannedSessions", sessions,
                                "reviewAfterSessions", reviewAfter, "intervalDays", 7,
                                "practitionerPreference", preferred))))
                .expect(201).json();
    }

    JsonNode awaitSession(UUID episode, UUID appointment) {
        return await("the session of appointment " + appointment, () -> {
            for (JsonNode session : practitioner.get("/api/timeline/" + episode).expect(200).json().path("sessions")) {
                if (session.path("appointmentId").asText().equals(appointment.toString())) {
                    return session;
                }
            }
            return null;
        });
    }

    void recordSession(UUID session, long version, String modality, int pain) {
        Object details = modality.equals(Simulation.DRY_NEEDLING)
                ? Map.of("muscles", List.of("soleus", "gastrocnemius"), "points", 4, "twitchResponses", 2)
                : Map.of("impulses", 2000, "frequencyHz", 10, "barPressure", 2.5);
        practitioner.put("/api/sessions/" + session + "/record", Map.of("details", details,
                "adverseEvents", List.of(), "firstStepPain", pain), "\"" + version + "\"").expect(200);
    }

    JsonNode review(UUID plan, UUID course, String decision, String newModality) {
        String etag = practitioner.get("/api/plans/" + plan).expect(200).etag();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("courseId", course);
        body.put("decision", decision);
        body.put("reason", switch (decision) {
            case "discharge" -> "First-step pain halved";
            case "continue" -> "Some change; two more sessions";
            case "switch" -> "No change after the review point";
            default -> "No change: to the orthopaedist";
        });
        if (decision.equals("continue")) {
            body.put("additionalSessions", 2);
        }
        if (decision.equals("switch")) {
            body.put("newModality", newModality);
        }
        practitioner.post("/api/plans/" + plan + "/reviews", body, etag).expect(200);
        return practitioner.get("/api/plans/" + plan).expect(200).json();
    }

    /** Closes the episode; the answer is when, by the clinic's (moved) clock. */
    Instant closeEpisode(UUID episode) {
        String etag = practitioner.get("/api/episodes/" + episode).expect(200).etag();
        practitioner.post("/api/episodes/" + episode + "/close", null, etag).expect(200);
        return simulatedNow;
    }

    private static <T> T await(String what, Supplier<T> found) {
        Instant deadline = Instant.now().plus(EVENTS_WAIT);
        while (Instant.now().isBefore(deadline)) {
            T value = found.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, e);
            }
        }
        throw new IllegalStateException("Waited " + EVENTS_WAIT.toSeconds() + " s for " + what
                + "; are the services' events flowing (./clinic logs)?");
    }
}
