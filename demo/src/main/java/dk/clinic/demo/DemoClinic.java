package dk.clinic.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code ./clinic demo [--patients N] [--seed S] [--weeks W]}: a synthetic heel-pain clinic played out through the
 * public APIs of a running demo clinic ({@link Simulation}), so a newcomer sees real screens and real figures.
 * Writes what it created to {@code --record FILE} (JSON) when asked.
 */
public final class DemoClinic {

    private DemoClinic() {
    }

    public static void main(String[] args) throws IOException {
        int patients = 300;
        long seed = 7;
        int weeks = 16;
        String booking = "http://127.0.0.1:8081";
        String treatment = "http://127.0.0.1:8082";
        List<String> others = new ArrayList<>(List.of("http://127.0.0.1:8083"));
        Path record = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--patients" -> patients = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--weeks" -> weeks = Integer.parseInt(value);
                case "--booking" -> booking = value;
                case "--treatment" -> treatment = value;
                case "--reporting" -> others = value.isEmpty() ? List.of() : List.of(value);
                case "--record" -> record = Path.of(value);
                default -> {
                    System.err.println("demo: unknown option " + args[i]
                            + "\nUsage: ./clinic demo [--patients N (300)] [--seed S (7)] [--weeks W (16)]");
                    System.exit(2);
                }
            }
        }
        DemoRecord created = generate(booking, treatment, others, patients, seed, weeks,
                line -> System.out.println("demo: " + line));
        if (record != null) {
            Files.writeString(record, json(created));
        }
    }

    /** The record as JSON, as --record writes it. */
    public static String json(DemoRecord record) throws IOException {
        return Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(record);
    }

    /** Plays the demo clinic out and answers what it created. */
    public static DemoRecord generate(String booking, String treatment, List<String> others, int patients, long seed,
                                      int weeks, Consumer<String> progress) {
        if (patients < 1 || weeks < 8) {
            throw new IllegalArgumentException("at least 1 patient and 8 weeks");
        }
        Instant started = Instant.now();
        Clinic clinic = new Clinic(booking, treatment, others);
        clinic.setUp(seed);
        progress.accept("clinic set up: 4 practitioners, 4 rooms, 1 shockwave unit; playing " + weeks + " weeks with "
                + patients + " patients (seed " + seed + ")");
        Simulation simulation = new Simulation(clinic, seed, patients, weeks, LocalDate.now(clinic.zone()), progress);
        try {
            DemoRecord created = simulation.run(seed);
            progress.accept("done in " + Duration.between(started, Instant.now()).toSeconds() + " s: "
                    + created.episodes().size() + " episodes, "
                    + created.episodes().stream().mapToInt(e -> e.sessions().size()).sum() + " sessions, "
                    + created.appointments().size() + " appointments, from " + created.firstDay() + " to "
                    + created.lastDay());
            return created;
        } finally {
            clinic.clockToNow();
        }
    }
}
