package dk.clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * PostgreSQL's own ceiling for a booking: pgbench runs, with as many clients as the booking run, the statements a
 * successful dry-needling booking commits (AppointmentService.book: the practitioner's hold inside a savepoint,
 * the appointment, its audit entry and its outbox event), as booking_svc, into the same tables, with the same
 * constraints and indexes. Each transaction takes the next half-hour from a sequence, far in the future, so the
 * holds never overlap. The reads a booking does before it writes (the patient, type, practitioner, working hours,
 * clinic) are not part of it: they are the service's cost.
 */
final class Pgbench {

    /** 2100-01-01T00:00Z: far from every calendar the benchmark fills. */
    private static final long BASE_EPOCH_SECOND = 4102444800L;

    private Pgbench() {
    }

    record Result(double tps, double latencyMs, long transactions, long failed, Duration databaseCpu, Path script) {
    }

    /** The reason pgbench cannot run here, if it cannot. */
    static Optional<String> unavailable() {
        try {
            Process version = new ProcessBuilder("pgbench", "--version").redirectErrorStream(true).start();
            version.getInputStream().readAllBytes();
            return version.waitFor() == 0 ? Optional.empty() : Optional.of("pgbench --version failed");
        } catch (IOException e) {
            return Optional.of("pgbench is not installed (Debian: apt-get install postgresql-client)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    static Result run(Settings settings, BenchDatabase database, SeededClinic clinic, Path directory)
            throws IOException, InterruptedException, SQLException {
        try (Connection connection = database.superuser(); Statement statement = connection.createStatement()) {
            statement.execute("""
                    create schema bench_scratch;
                    create sequence bench_scratch.half_hour;
                    grant usage on schema bench_scratch to booking_svc;
                    grant usage on sequence bench_scratch.half_hour to booking_svc""");
        }
        Path script = directory.resolve("booking.pgbench.sql");
        Files.writeString(script, script(clinic));
        Path log = directory.resolve("pgbench.log");
        ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared",
                "-c", String.valueOf(settings.clients()), "-j", String.valueOf(Math.min(2, settings.clients())),
                "-T", String.valueOf(settings.duration().toSeconds()), "-f", script.toString(),
                "-h", settings.pgHost(), "-p", settings.pgPort(), "-U", "booking_svc", database.name())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pgbench.environment().put("PGPASSWORD", "booking");
        Duration databaseBefore = PostgresCpu.used();
        Process process = pgbench.start();
        if (!process.waitFor(settings.duration().toSeconds() + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish; see " + log);
        }
        Duration databaseCpu = PostgresCpu.used().minus(databaseBefore);
        String output = Files.readString(log);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed (exit " + process.exitValue() + "):\n" + output);
        }
        return new Result(number(output, "tps = ([0-9.]+)"), number(output, "latency average = ([0-9.]+) ms"),
                (long) number(output, "number of transactions actually processed: ([0-9]+)"),
                output.contains("number of failed transactions")
                        ? (long) number(output, "number of failed transactions: ([0-9]+)") : 0,
                databaseCpu, script);
    }

    /**
     * The statements in the order and with the columns Hibernate sends them for a booking, with literals where the
     * service binds parameters. pgbench picks a practitioner and a patient per transaction.
     */
    static String script(SeededClinic clinic) {
        List<UUID> practitioners = clinic.delivering("dry_needling").stream().map(SeededClinic.Practitioner::id).toList();
        List<UUID> patients = clinic.patients().subList(0, 50);
        String practitioner = "(" + array(practitioners) + ")[:practitioner]";
        String patient = "(" + array(patients) + ")[:patient]";
        String appointment = "md5(currval('bench_scratch.half_hour')::text)::uuid";
        String starts = "to_timestamp(" + BASE_EPOCH_SECOND + " + currval('bench_scratch.half_hour') * 1800)";
        String ends = "to_timestamp(" + BASE_EPOCH_SECOND + " + currval('bench_scratch.half_hour') * 1800 + 1800)";
        String details = literal("{\"start\":\"2100-01-04T08:00:00Z\",\"practitionerId\":\"" + practitioners.getFirst() + "\"}");
        String payload = literal(("{\"appointmentId\":\"%s\",\"patientId\":\"%s\",\"appointmentTypeId\":\"%s\","
                + "\"appointmentType\":\"dry_needling\",\"modality\":\"dry_needling\",\"practitionerId\":\"%s\","
                + "\"start\":\"2100-01-04T08:00:00Z\",\"end\":\"2100-01-04T08:30:00Z\",\"status\":\"booked\","
                + "\"version\":0}").formatted(UUID.randomUUID(), patients.getFirst(), clinic.dryNeedling(),
                practitioners.getFirst()));
        return """
                \\set practitioner random(1, %d)
                \\set patient random(1, %d)
                BEGIN;
                SAVEPOINT hold;
                INSERT INTO reservation (appointment_id, resource_id, during)
                  SELECT md5(n::text)::uuid, %s,
                         tstzrange(to_timestamp(%d + n * 1800), to_timestamp(%d + n * 1800 + 1800), '[)')
                  FROM (SELECT nextval('bench_scratch.half_hour') AS n) AS next_half_hour
                  ON CONFLICT ON CONSTRAINT reservation_no_overlap DO NOTHING;
                RELEASE SAVEPOINT hold;
                INSERT INTO appointment (appointment_type_id, cancellation_reason, cancelled_by, created_at, created_by,
                    device_id, ends_at, late_cancellation, note, patient_id, practitioner_id, reminder_sent_at, room_id,
                    series_id, series_position, starts_at, status, updated_at, updated_by, version, id)
                  VALUES ('%s', NULL, NULL, now(), 'rita', NULL, %s, NULL, NULL, %s, %s, NULL, NULL, NULL, NULL, %s,
                    'booked', now(), 'rita', 0, %s);
                INSERT INTO appointment_history (action, appointment_id, at, by_user, details)
                  VALUES ('booked', %s, now(), 'rita', %s) RETURNING id;
                INSERT INTO event_outbox (attempts, event_id, event_type, last_error, message_key, occurred_at, payload,
                    published_at, subject, topic)
                  VALUES (0, gen_random_uuid(), 'clinic.booking.appointment.booked.v1', NULL, %s::text, now(), %s,
                    NULL, %s::text, 'booking.appointments') RETURNING position;
                COMMIT;
                """.formatted(practitioners.size(), patients.size(), practitioner, BASE_EPOCH_SECOND,
                BASE_EPOCH_SECOND, clinic.dryNeedling(), ends, patient, practitioner, starts, appointment,
                appointment, details, patient, payload, appointment);
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "ARRAY[", "]::uuid[]"));
    }

    /** A quoted literal pgbench leaves alone: it would take ":name" for one of its variables. */
    private static String literal(String text) {
        if (Pattern.compile(":[A-Za-z_]").matcher(text).find()) {
            throw new IllegalArgumentException("pgbench would substitute a variable in " + text);
        }
        return "'" + text.replace("'", "''") + "'";
    }

    private static double number(String output, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no '" + regex + "':\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
