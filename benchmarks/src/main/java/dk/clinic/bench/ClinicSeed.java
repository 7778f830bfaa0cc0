package dk.clinic.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The clinic the benchmark measures, set up through the public API as an admin and a receptionist would: 20
 * practitioners working weekdays 08:00-16:00 with lunch 12:00-12:30, 8 treatment rooms, 2 radial shockwave units,
 * three appointment types and the registered patients.
 */
final class ClinicSeed {

    static final int PATIENTS = 2000;

    private static final String[] PHYSIOTHERAPISTS = {"Mette Holm", "Ole Kristensen", "Sofie Lund", "Jonas Berg",
            "Ida Madsen", "Kasper Nygaard", "Line Dahl", "Mads Thomsen", "Camilla Vinther", "Rasmus Eriksen",
            "Nora Haugen", "Emil Bakke"};
    private static final String[] OSTEOPATHS = {"Karin Solberg", "Henrik Moe", "Anne Winther", "Lars Strand",
            "Maja Friis"};
    private static final String[] CHIROPRACTORS = {"Peter Skov", "Ingrid Lie", "Thomas Brandt"};
    static final String[] GIVEN = {"Karen", "Jens", "Hanne", "Søren", "Kirsten", "Niels", "Lene", "Anders",
            "Birgitte", "Morten", "Ingeborg", "Ola", "Kari", "Bjørn", "Emma", "Noah", "Freja", "William", "Astrid",
            "Oscar"};
    static final String[] FAMILY = {"Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen",
            "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Olsen", "Johansen", "Berg", "Hagen", "Johnsen", "Dahl",
            "Lund", "Holm", "Poulsen", "Knudsen"};
    static final String[] LANGUAGES = {"da", "da", "da", "da", "nb", "nb", "en"};

    private ClinicSeed() {
    }

    static SeededClinic seed(Api api, String admin, String receptionist) throws Exception {
        List<SeededClinic.Practitioner> practitioners = new ArrayList<>();
        for (String name : PHYSIOTHERAPISTS) {
            practitioners.add(practitioner(api, admin, name, "physiotherapist", Set.of("dry_needling", "radial_shockwave")));
        }
        for (String name : OSTEOPATHS) {
            practitioners.add(practitioner(api, admin, name, "osteopath", Set.of("osteopathy")));
        }
        for (String name : CHIROPRACTORS) {
            practitioners.add(practitioner(api, admin, name, "chiropractor", Set.of("dry_needling", "radial_shockwave")));
        }
        List<UUID> rooms = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rooms.add(api.post("/api/rooms", admin, Map.of("name", "Behandlingsrum " + i, "roomKind", "treatment")).id());
        }
        List<UUID> devices = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            devices.add(api.post("/api/devices", admin,
                    Map.of("name", "Shockwave " + i, "deviceKind", "radial_shockwave")).id());
        }
        UUID dryNeedling = type(api, admin, "dry_needling", "Dry needling", "Tørrnåling", "Dry needling", 30, 0,
                "dry_needling", null, null);
        UUID shockwave = type(api, admin, "shockwave", "Shockwave-behandling", "Trykkbølgebehandling",
                "Shockwave therapy", 20, 10, "radial_shockwave", "treatment", "radial_shockwave");
        UUID osteopathy = type(api, admin, "osteopathy", "Osteopatisk behandling", "Osteopatisk behandling",
                "Osteopathic treatment", 45, 0, "osteopathy", null, null);
        return new SeededClinic(practitioners, rooms, devices, dryNeedling, shockwave, osteopathy,
                patients(api, receptionist));
    }

    private static SeededClinic.Practitioner practitioner(Api api, String admin, String name, String profession,
                                                    Set<String> modalities) throws Exception {
        UUID id = api.post("/api/practitioners", admin,
                Map.of("name", name, "profession", profession, "modalities", modalities)).id();
        List<Map<String, Object>> days = new ArrayList<>();
        for (String weekday : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            days.add(Map.of("weekday", weekday, "start", "08:00", "end", "16:00",
                    "breaks", List.of(Map.of("start", "12:00", "end", "12:30"))));
        }
        api.put("/api/working-hours/" + id, admin, Map.of("days", days)).expect(200);
        return new SeededClinic.Practitioner(id, name, modalities);
    }

    private static UUID type(Api api, String admin, String code, String da, String nb, String en, int minutes,
                             int bufferAfter, String modality, String roomKind, String deviceKind) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("code", code,
                "name", Map.of("da", da, "nb", nb, "en", en), "durationMinutes", minutes,
                "bufferBeforeMinutes", 0, "bufferAfterMinutes", bufferAfter, "modality", modality));
        if (roomKind != null) {
            body.put("roomKind", roomKind);
        }
        if (deviceKind != null) {
            body.put("deviceKind", deviceKind);
        }
        return api.post("/api/appointment-types", admin, body).id();
    }

    /** Registered by eight receptionists at once, to keep the set-up short. */
    private static List<UUID> patients(Api api, String receptionist) throws Exception {
        List<Future<UUID>> registered = new ArrayList<>();
        try (ExecutorService receptionists = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < PATIENTS; i++) {
                Random random = new Random(i);
                String given = GIVEN[random.nextInt(GIVEN.length)];
                String family = FAMILY[random.nextInt(FAMILY.length)];
                Map<String, Object> details = Map.of("givenName", given, "familyName", family,
                        "birthDate", LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 65)).toString(),
                        "email", "patient" + i + "@example.dk",
                        "phone", "+45 %02d %02d %02d %02d".formatted(20 + random.nextInt(80), random.nextInt(100),
                                random.nextInt(100), random.nextInt(100)),
                        "preferredLanguage", LANGUAGES[random.nextInt(LANGUAGES.length)],
                        "reminderConsent", random.nextInt(10) < 8);
                registered.add(receptionists.submit(() -> api.post("/api/patients", receptionist, details).id()));
            }
        }
        List<UUID> patients = new ArrayList<>();
        for (Future<UUID> patient : registered) {
            patients.add(patient.get());
        }
        return Collections.unmodifiableList(patients);
    }
}
