package dk.clinic.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * One year of the clinic's appointments, half behind and half ahead of today, written straight into booking's
 * tables as the superuser. The API refuses bookings in the past, and 40,000 requests would only measure the set-up,
 * so SQL is the honest way to give the service a calendar with a past. The rows are what the service itself would
 * have written: each appointment holds its practitioner (and a room and a shockwave unit) through reservations,
 * cancelled and missed ones release them, and every appointment has its audit trail. The exclusion constraint is
 * active while they are written, so an overlap would fail the run.
 *
 * <p>Each working day is filled quarter-hour by quarter-hour per practitioner: the past about 75 % full, the future
 * thinning out from nearly as full next week to about a tenth half a year ahead. A shockwave appointment goes ahead
 * only when a unit and a room are free; otherwise the physiotherapist does dry needling.
 */
final class History {

    static final int WEEKS_BACK = 26;
    static final int WEEKS_AHEAD = 26;

    private static final LocalTime OPENS = LocalTime.of(8, 0);
    private static final int QUARTERS = 32;
    private static final int LUNCH_FROM = 16;
    private static final int LUNCH_TO = 18;
    private static final double PAST_FILL = 0.75;
    private static final int BATCH = 2000;

    private final SeededClinic clinic;
    private final ZoneId zone;
    private final Instant now;
    private final Random random = new Random(20261122);

    private int appointments;
    private int past;
    private int reservations;
    private int entries;

    private History(SeededClinic clinic, ZoneId zone, Instant now) {
        this.clinic = clinic;
        this.zone = zone;
        this.now = now;
    }

    record Summary(int appointments, int past, int future, int reservations, int historyEntries, LocalDate first,
                   LocalDate last, ZoneId zone, Duration took) {
    }

    static Summary write(BenchDatabase database, SeededClinic clinic) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = database.superuser()) {
            ZoneId zone;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select time_zone from booking.clinic")) {
                row.next();
                zone = ZoneId.of(row.getString(1));
            }
            History history = new History(clinic, zone, Instant.now());
            LocalDate thisMonday = LocalDate.now(zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate first = thisMonday.minusWeeks(WEEKS_BACK);
            LocalDate last = thisMonday.plusWeeks(WEEKS_AHEAD).minusDays(1);
            connection.setAutoCommit(false);
            history.insert(connection, first, last);
            connection.commit();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                // a calendar a year old has been vacuumed and analysed many times over
                statement.execute("vacuum (analyze) booking.appointment, booking.reservation, "
                        + "booking.appointment_history, booking.patient, booking.resource");
            }
            return new Summary(history.appointments, history.past, history.appointments - history.past,
                    history.reservations, history.entries, first, last, zone, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private void insert(Connection connection, LocalDate first, LocalDate last) throws SQLException {
        try (PreparedStatement appointment = connection.prepareStatement("""
                insert into booking.appointment (id, patient_id, appointment_type_id, practitioner_id, room_id,
                    device_id, starts_at, ends_at, status, cancellation_reason, cancelled_by, late_cancellation,
                    version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement reservation = connection.prepareStatement("""
                     insert into booking.reservation (appointment_id, resource_id, during, active)
                     values (?, ?, tstzrange(?, ?, '[)'), ?)""");
             PreparedStatement entry = connection.prepareStatement("""
                     insert into booking.appointment_history (appointment_id, at, by_user, action, details)
                     values (?, ?, ?, ?, ?::jsonb)""")) {
            Batches batches = new Batches(appointment, reservation, entry);
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5) {
                    fill(day, batches);
                }
            }
            batches.flush();
        }
    }

    private void fill(LocalDate day, Batches batches) throws SQLException {
        double fill = fill(day);
        boolean[][] rooms = new boolean[clinic.rooms().size()][QUARTERS];
        boolean[][] devices = new boolean[clinic.devices().size()][QUARTERS];
        List<SeededClinic.Practitioner> practitioners = new ArrayList<>(clinic.practitioners());
        Collections.shuffle(practitioners, random);
        for (SeededClinic.Practitioner practitioner : practitioners) {
            int quarter = 0;
            while (quarter < QUARTERS) {
                Kind kind = practitioner.delivers("osteopathy") ? Kind.OSTEOPATHY
                        : random.nextDouble() < 0.35 ? Kind.SHOCKWAVE : Kind.DRY_NEEDLING;
                // the chance to start an appointment here rather than leave a quarter empty, for the wanted fill
                double start = fill / (kind.quarters - fill * (kind.quarters - 1));
                if (random.nextDouble() >= start || !fits(quarter, kind.quarters)) {
                    quarter++;
                    continue;
                }
                int room = -1;
                int device = -1;
                if (kind == Kind.SHOCKWAVE) {
                    room = free(rooms, quarter, kind.quarters);
                    device = free(devices, quarter, kind.quarters);
                    if (room < 0 || device < 0) {
                        kind = Kind.DRY_NEEDLING;
                    } else {
                        take(rooms[room], quarter, kind.quarters);
                        take(devices[device], quarter, kind.quarters);
                    }
                }
                add(batches, day, quarter, kind, practitioner, kind == Kind.SHOCKWAVE ? room : -1,
                        kind == Kind.SHOCKWAVE ? device : -1);
                quarter += kind.quarters;
            }
        }
    }

    private double fill(LocalDate day) {
        Instant start = day.atStartOfDay(zone).toInstant();
        if (start.isBefore(now)) {
            return PAST_FILL;
        }
        double weeksAhead = Duration.between(now, start).toDays() / 7.0;
        return Math.max(0.1, PAST_FILL * (1 - weeksAhead / 30));
    }

    private void add(Batches batches, LocalDate day, int quarter, Kind kind, SeededClinic.Practitioner practitioner,
                     int room, int device) throws SQLException {
        Instant start = day.atTime(OPENS.plusMinutes(15L * quarter)).atZone(zone).toInstant();
        Instant end = start.plus(kind.minutes, ChronoUnit.MINUTES);
        Instant heldUntil = start.plus(15L * kind.quarters, ChronoUnit.MINUTES);
        UUID id = UUID.randomUUID();
        UUID patient = clinic.patients().get(random.nextInt(clinic.patients().size()));
        Instant created = start.minus(1 + random.nextInt(42), ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
        if (created.isAfter(now)) {
            created = now.minus(random.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
        }

        String status;
        double outcome = random.nextDouble();
        if (end.isBefore(now)) {
            status = outcome < 0.86 ? "fulfilled" : outcome < 0.90 ? "noshow" : "cancelled";
            past++;
        } else {
            status = outcome < 0.93 ? "booked" : "cancelled";
        }
        String cancelledBy = null;
        String reason = null;
        Boolean late = null;
        Instant changed = created;
        String changedBy = "rita";
        String details = "{}";
        switch (status) {
            case "fulfilled" -> {
                changed = end;
                changedBy = "paula";
            }
            case "noshow" -> changed = start.plus(15, ChronoUnit.MINUTES);
            case "cancelled" -> {
                cancelledBy = random.nextDouble() < 0.8 ? "patient" : "clinic";
                reason = cancelledBy.equals("patient") ? "Ill" : "Practitioner away";
                Instant at = start.minus(1 + random.nextInt(96), ChronoUnit.HOURS);
                changed = at.isAfter(now) ? now.minus(random.nextInt(48 * 60), ChronoUnit.MINUTES) : at;
                if (changed.isBefore(created)) {
                    changed = created;
                }
                late = cancelledBy.equals("patient") && changed.isAfter(start.minus(24, ChronoUnit.HOURS));
                details = "{\"by\":\"%s\",\"reason\":\"%s\",\"late\":%s}".formatted(cancelledBy, reason, late);
            }
            default -> {
                // booked: nothing changed since
            }
        }

        PreparedStatement appointment = batches.appointment;
        appointment.setObject(1, id);
        appointment.setObject(2, patient);
        appointment.setObject(3, kind.type(clinic));
        appointment.setObject(4, practitioner.id());
        appointment.setObject(5, room < 0 ? null : clinic.rooms().get(room));
        appointment.setObject(6, device < 0 ? null : clinic.devices().get(device));
        appointment.setObject(7, utc(start));
        appointment.setObject(8, utc(end));
        appointment.setString(9, status);
        appointment.setString(10, reason);
        appointment.setString(11, cancelledBy);
        appointment.setObject(12, late);
        appointment.setLong(13, status.equals("booked") ? 0 : 1);
        appointment.setObject(14, utc(created));
        appointment.setString(15, "rita");
        appointment.setObject(16, utc(changed));
        appointment.setString(17, changedBy);
        appointment.addBatch();
        appointments++;

        boolean holds = !status.equals("cancelled") && !status.equals("noshow");
        hold(batches, id, practitioner.id(), start, heldUntil, holds);
        if (room >= 0) {
            hold(batches, id, clinic.rooms().get(room), start, heldUntil, holds);
            hold(batches, id, clinic.devices().get(device), start, heldUntil, holds);
        }
        entry(batches, id, created, "rita", "booked",
                "{\"start\":\"%s\",\"practitionerId\":\"%s\"}".formatted(start, practitioner.id()));
        if (!status.equals("booked")) {
            entry(batches, id, changed, changedBy, status, details);
        }
        batches.flushIfFull();
    }

    private void hold(Batches batches, UUID appointment, UUID resource, Instant from, Instant to, boolean active)
            throws SQLException {
        batches.reservation.setObject(1, appointment);
        batches.reservation.setObject(2, resource);
        batches.reservation.setObject(3, utc(from));
        batches.reservation.setObject(4, utc(to));
        batches.reservation.setBoolean(5, active);
        batches.reservation.addBatch();
        reservations++;
    }

    private void entry(Batches batches, UUID appointment, Instant at, String by, String action, String details)
            throws SQLException {
        batches.entry.setObject(1, appointment);
        batches.entry.setObject(2, utc(at));
        batches.entry.setString(3, by);
        batches.entry.setString(4, action);
        batches.entry.setString(5, details);
        batches.entry.addBatch();
        entries++;
    }

    private static boolean fits(int quarter, int quarters) {
        int end = quarter + quarters;
        return end <= QUARTERS && (end <= LUNCH_FROM || quarter >= LUNCH_TO);
    }

    private static int free(boolean[][] resources, int quarter, int quarters) {
        for (int i = 0; i < resources.length; i++) {
            boolean free = true;
            for (int q = quarter; q < quarter + quarters; q++) {
                free &= !resources[i][q];
            }
            if (free) {
                return i;
            }
        }
        return -1;
    }

    private static void take(boolean[] resource, int quarter, int quarters) {
        for (int q = quarter; q < quarter + quarters; q++) {
            resource[q] = true;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The three appointment types: how long they take and how many quarter-hours they hold, buffers included. */
    private enum Kind {
        DRY_NEEDLING(30, 2), SHOCKWAVE(20, 2), OSTEOPATHY(45, 3);

        final int minutes;
        final int quarters;

        Kind(int minutes, int quarters) {
            this.minutes = minutes;
            this.quarters = quarters;
        }

        UUID type(SeededClinic clinic) {
            return switch (this) {
                case DRY_NEEDLING -> clinic.dryNeedling();
                case SHOCKWAVE -> clinic.shockwave();
                case OSTEOPATHY -> clinic.osteopathy();
            };
        }
    }

    /** Appointments go first, so the history rows' references are there when the batches are sent. */
    private static final class Batches {

        final PreparedStatement appointment;
        final PreparedStatement reservation;
        final PreparedStatement entry;
        private int pending;

        Batches(PreparedStatement appointment, PreparedStatement reservation, PreparedStatement entry) {
            this.appointment = appointment;
            this.reservation = reservation;
            this.entry = entry;
        }

        void flushIfFull() throws SQLException {
            if (++pending >= BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            appointment.executeBatch();
            reservation.executeBatch();
            entry.executeBatch();
            pending = 0;
        }
    }
}
