package dk.clinic.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Plays weeks of a heel-pain clinic's life through the services' public APIs, a working day at a time, with every
 * service's clock moved to that day (a demo clinic's clocks move: clinic.clock.movable): patients arrive and are
 * registered, practitioners open episodes with the red-flag screen, measure first-step pain and write a plan (dry
 * needling, reviewed after 3-5 sessions, or shockwave on the clinic's one device), the reception books each plan's
 * sessions as a series, patients come, do not come or cancel late, practitioners record each session and decide at
 * the review point (discharge, continue, switch to shockwave, refer). Seeded: the same seed makes the same choices.
 */
final class Simulation {

    static final String DRY_NEEDLING = "dry_needling";
    static final String SHOCKWAVE = "radial_shockwave";
    private static final LocalTime[] SLOTS = slots();
    private static final String[] CONDITIONS = {"plantar_heel_pain", "plantar_heel_pain", "plantar_heel_pain",
            "achilles_tendinopathy", "other"};

    private final Clinic clinic;
    private final Random random;
    private final int patients;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final List<Patient> all = new ArrayList<>();
    private final Map<UUID, Booked> appointments = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>();
    private final Consumer<String> progress;

    Simulation(Clinic clinic, long seed, int patients, int weeks, LocalDate today,
               Consumer<String> progress) {
        this.clinic = clinic;
        this.random = new Random(seed);
        this.patients = patients;
        LocalDate monday = today.minusWeeks(weeks).with(DayOfWeek.MONDAY);
        this.firstDay = monday;
        this.lastDay = today.minusDays(1);
        this.progress = progress;
    }

    DemoRecord run(long seed) {
        int arrivalDays = Math.max(1, (int) (workingDays(firstDay, lastDay) * 0.6));
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                days.add(day);
            }
        }
        Map<LocalDate, List<Integer>> arrivals = new LinkedHashMap<>();
        for (int i = 0; i < patients; i++) {
            arrivals.computeIfAbsent(days.get(random.nextInt(Math.min(arrivalDays, days.size()))), d -> new ArrayList<>())
                    .add(i);
        }
        for (LocalDate day : days) {
            morning(day, arrivals.getOrDefault(day, List.of()).size());
            evening(day);
            if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                progress.accept("week of " + day.minusDays(4) + ": " + all.size() + " patients so far");
            }
        }
        clinic.clockToNow();
        return new DemoRecord(seed, firstDay, lastDay, clinic.zone().getId(),
                all.stream().map(Patient::record).toList(),
                appointments.values().stream().map(Booked::record).toList());
    }

    // ------------------------------------------------------------------------------------------------------------
    // The morning: late cancellations, new patients, their plans and their series
    // ------------------------------------------------------------------------------------------------------------

    private void morning(LocalDate day, int arriving) {
        clinic.clockTo(at(day, LocalTime.of(7, 0)));
        for (Booked booked : appointmentsOn(day)) {
            if (random.nextInt(100) < 4) {
                JsonNode cancelled = clinic.cancel(booked.id, booked.version, "patient", "Ill today");
                booked.status = "cancelled";
                booked.byPatient = true;
                booked.late = cancelled.path("cancellation").path("late").asBoolean();
            }
        }
        List<Patient> newcomers = new ArrayList<>();
        for (int i = 0; i < arriving; i++) {
            Patient patient = new Patient();
            patient.id = clinic.register("Demo" + (all.size() + 1), random);
            patient.practitioner = random.nextInt(clinic.practitioners().size());
            patient.practitionerId = clinic.practitioners().get(patient.practitioner);
            patient.condition = CONDITIONS[random.nextInt(CONDITIONS.length)];
            patient.baseline = 5 + random.nextInt(5);
            patient.rate = rate(random.nextInt(100));
            patient.firstDay = day;
            all.add(patient);
            newcomers.add(patient);
        }
        clinic.awaitKnownToTreatment(newcomers.stream().map(p -> p.id).toList());
        List<Patient> planned = new ArrayList<>();
        for (Patient patient : newcomers) {
            boolean redFlag = random.nextInt(100) < 6;
            JsonNode episode = clinic.openEpisode(patient.id, patient.condition, redFlag);
            patient.episode = UUID.fromString(episode.path("id").asText());
            patient.openedAt = Instant.parse(episode.path("openedAt").asText());
            patient.measure("baseline", day, patient.baseline, clinic);
            if (redFlag) {
                boolean refer = random.nextBoolean();
                clinic.decideReferral(patient.episode, refer);
                if (refer) {
                    patient.close(clinic);
                    continue;
                }
            }
            String modality = random.nextInt(100) < 55 ? DRY_NEEDLING : SHOCKWAVE;
            // dry needling is reviewed after 3-5 sessions; a shockwave course of 3-5 at its end
            int review = 3 + random.nextInt(3);
            int sessions = modality.equals(DRY_NEEDLING) ? Math.max(4, review) : review;
            JsonNode plan = clinic.createPlan(patient.episode, modality, sessions, review,
                    clinic.practitioners().get(patient.practitioner));
            patient.plan = UUID.fromString(plan.path("id").asText());
            patient.initialModality = modality;
            patient.course(UUID.fromString(plan.path("courses").get(0).path("id").asText()), modality, sessions, review);
            planned.add(patient);
        }
        bookRequests(day, planned);
    }

    /** Books each patient's open scheduling request as a weekly series from the next working day on. */
    private void bookRequests(LocalDate day, List<Patient> waiting) {
        for (Patient patient : waiting) {
            Course course = patient.current;
            JsonNode request = clinic.awaitRequest(course.id);
            int count = request.path("sessions").asInt();
            Instant[] starts = freeSeries(day, patient.practitioner, course.modality.equals(SHOCKWAVE), count);
            JsonNode series = clinic.bookSeries(patient.id, course.modality, patient.practitioner,
                    clinic.calendarTime(starts[0]), count, UUID.fromString(request.path("id").asText()));
            for (JsonNode occurrence : series.path("occurrences")) {
                Booked booked = new Booked();
                booked.id = UUID.fromString(occurrence.path("id").asText());
                booked.patient = patient;
                booked.course = course;
                booked.start = Instant.parse(occurrence.path("start").asText());
                booked.version = occurrence.path("version").asLong();
                booked.practitioner = clinic.practitioners().get(patient.practitioner);
                appointments.put(booked.id, booked);
            }
        }
    }

    private Instant[] freeSeries(LocalDate today, int practitioner, boolean device, int count) {
        for (LocalDate day = today.plusDays(1); day.isBefore(today.plusDays(30)); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() > 5) {
                continue;
            }
            for (int slot = 0; slot < SLOTS.length; slot++) {
                boolean free = true;
                for (int k = 0; k < count && free; k++) {
                    LocalDate date = day.plusWeeks(k);
                    free = !taken.contains("p" + practitioner + date + slot) && !(device && taken.contains("d" + date + slot));
                }
                if (free) {
                    Instant[] starts = new Instant[count];
                    for (int k = 0; k < count; k++) {
                        LocalDate date = day.plusWeeks(k);
                        taken.add("p" + practitioner + date + slot);
                        if (device) {
                            taken.add("d" + date + slot);
                        }
                        starts[k] = at(date, SLOTS[slot]);
                    }
                    return starts;
                }
            }
        }
        throw new IllegalStateException("No free weekly time for a series from " + today + "; use fewer patients");
    }

    // ------------------------------------------------------------------------------------------------------------
    // The evening: who came, their session records, the review points, follow-up measures
    // ------------------------------------------------------------------------------------------------------------

    private void evening(LocalDate day) {
        clinic.clockTo(at(day, LocalTime.of(17, 0)));
        List<Booked> came = new ArrayList<>();
        for (Booked booked : appointmentsOn(day)) {
            if (random.nextInt(100) < 6) {
                booked.version = clinic.noShow(booked.id, booked.version);
                booked.status = "noshow";
            } else {
                booked.version = clinic.fulfil(booked.id, booked.version);
                booked.status = "fulfilled";
                came.add(booked);
            }
        }
        for (Booked booked : came) {
            Patient patient = booked.patient;
            Course course = booked.course;
            JsonNode session = clinic.awaitSession(patient.episode, booked.id);
            patient.delivered++;
            course.delivered++;
            int pain = patient.painAfter(patient.delivered, random);
            clinic.recordSession(UUID.fromString(session.path("id").asText()), session.path("version").asLong(),
                    course.modality, pain);
            patient.sessions.add(new DemoRecord.Session(booked.id, course.modality, course.delivered, booked.start, pain));
            if (course.delivered == course.reviewAfter) {
                review(day, patient, course, pain);
            }
        }
        List<Patient> replanned = new ArrayList<>();
        for (Patient patient : all) {
            if (patient.closedAt == null && patient.current != null && patient.current.fresh) {
                patient.current.fresh = false;
                replanned.add(patient);
            }
            long days = Duration.between(patient.firstDay.atStartOfDay(), day.atStartOfDay()).toDays();
            if (patient.closedAt == null && (days == 14 || days == 42)) {
                patient.measure("week_" + days / 7, day, patient.painAfter(patient.delivered, random), clinic);
            }
        }
        bookRequests(day, replanned);
    }

    private void review(LocalDate day, Patient patient, Course course, int pain) {
        boolean responded = pain * 2 <= patient.baseline;
        String decision;
        if (responded) {
            decision = "discharge";
        } else if (course.modality.equals(DRY_NEEDLING)) {
            int roll = random.nextInt(100);
            decision = roll < 50 ? "switch" : roll < 80 ? "continue" : "refer";
        } else {
            decision = random.nextBoolean() ? "refer" : "discharge";
        }
        if (decision.equals("continue") && course.extended) {
            decision = "refer";
        }
        JsonNode plan = clinic.review(patient.plan, course.id, decision, SHOCKWAVE);
        patient.decisions.add(new DemoRecord.Decision(course.modality, course.delivered, decision));
        switch (decision) {
            case "continue" -> {
                // treatment-service plans two more and reviews again after them
                course.planned = Math.max(course.planned, course.delivered) + 2;
                course.reviewAfter = course.planned;
                course.extended = true;
                course.fresh = true;
            }
            case "switch" -> {
                cancelRemaining(patient);
                JsonNode next = plan.path("courses").get(plan.path("courses").size() - 1);
                patient.course(UUID.fromString(next.path("id").asText()), SHOCKWAVE, next.path("plannedSessions").asInt(),
                        next.path("reviewAfterSessions").asInt());
                patient.current.fresh = true;
                patient.rate = rate(random.nextInt(100));
            }
            default -> {
                cancelRemaining(patient);
                patient.measure("discharge", day, pain, clinic);
                patient.close(clinic);
            }
        }
    }

    /** The plan ended or changed course: the reception cancels the remaining appointments with the patient. */
    private void cancelRemaining(Patient patient) {
        for (Booked booked : appointments.values()) {
            if (booked.patient == patient && booked.status.equals("booked")) {
                clinic.cancel(booked.id, booked.version, "clinic", "The treatment plan has ended");
                booked.status = "cancelled";
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private List<Booked> appointmentsOn(LocalDate day) {
        return appointments.values().stream()
                .filter(b -> b.status.equals("booked") && clinic.localDate(b.start).equals(day))
                .sorted(Comparator.comparing((Booked b) -> b.start)).toList();
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, clinic.zone()).toInstant();
    }

    private static double rate(int roll) {
        return roll < 40 ? 1.4 : roll < 75 ? 0.7 : 0.15;
    }

    private static int workingDays(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days += day.getDayOfWeek().getValue() <= 5 ? 1 : 0;
        }
        return days;
    }

    private static LocalTime[] slots() {
        List<LocalTime> slots = new ArrayList<>();
        for (LocalTime time = LocalTime.of(8, 0); time.isBefore(LocalTime.of(16, 0)); time = time.plusMinutes(30)) {
            if (!time.equals(LocalTime.of(12, 0))) {
                slots.add(time);
            }
        }
        return slots.toArray(LocalTime[]::new);
    }

    /** A patient's episode as the simulation follows it. */
    private static final class Patient {
        UUID id;
        UUID episode;
        UUID plan;
        int practitioner;
        String condition;
        String initialModality;
        int baseline;
        double rate;
        int delivered;
        LocalDate firstDay;
        Instant openedAt;
        Instant closedAt;
        Course current;
        final List<DemoRecord.Measure> measures = new ArrayList<>();
        final List<DemoRecord.Session> sessions = new ArrayList<>();
        final List<DemoRecord.Decision> decisions = new ArrayList<>();
        UUID practitionerId;

        void course(UUID courseId, String modality, int planned, int reviewAfter) {
            current = new Course(courseId, modality, planned, reviewAfter);
        }

        int painAfter(int sessions, Random random) {
            long pain = Math.round(baseline - rate * sessions + random.nextGaussian() * 0.8);
            return (int) Math.max(0, Math.min(10, pain));
        }

        void measure(String timepoint, LocalDate day, int value, Clinic clinic) {
            UUID measurement = clinic.measure(episode, timepoint, day, value);
            measures.add(new DemoRecord.Measure(measurement, timepoint, day, value));
        }

        void close(Clinic clinic) {
            closedAt = clinic.closeEpisode(episode);
        }

        DemoRecord.Episode record() {
            return new DemoRecord.Episode(id, episode, condition, openedAt, closedAt, initialModality, practitionerId,
                    List.copyOf(measures), List.copyOf(sessions), List.copyOf(decisions));
        }
    }

    /** A course of one modality. */
    private static final class Course {
        final UUID id;
        final String modality;
        int planned;
        int reviewAfter;
        int delivered;
        boolean extended;
        boolean fresh;

        Course(UUID id, String modality, int planned, int reviewAfter) {
            this.id = id;
            this.modality = modality;
            this.planned = planned;
            this.reviewAfter = reviewAfter;
        }
    }

    /** An appointment of a course, as it ends. */
    private static final class Booked {
        UUID id;
        Patient patient;
        Course course;
        UUID practitioner;
        Instant start;
        long version;
        String status = "booked";
        boolean byPatient;
        boolean late;

        DemoRecord.Appointment record() {
            return new DemoRecord.Appointment(id, patient.id, practitioner, course.modality, course.id, start, status,
                    byPatient, late);
        }
    }
}
