package dk.clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The CPU time the local PostgreSQL server has used so far, from /proc: every postgres process's own time, plus
 * the time of the backends that have already ended (the postmaster collects it when it reaps them). The difference
 * over a run is the database's share of the machine, for the service's requests and for pgbench's transactions alike.
 * Zero where /proc cannot be read (the figure is then left out).
 */
final class PostgresCpu {

    /** USER_HZ on Linux. */
    private static final long TICKS_PER_SECOND = 100;

    private PostgresCpu() {
    }

    static Duration used() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                ticks += ticks(process.resolve("stat"));
            }
        } catch (IOException e) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
    }

    private static long ticks(Path stat) {
        String line;
        try {
            line = Files.readString(stat);
        } catch (IOException gone) {
            return 0;
        }
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || !line.substring(open + 1, close).equals("postgres")) {
            return 0;
        }
        // after ") ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        String[] fields = line.substring(close + 2).split(" ");
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        boolean postmaster = !"postgres".equals(command(fields[1]));
        return postmaster ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }

    private static String command(String pid) {
        try {
            String line = Files.readString(Path.of("/proc", pid, "stat"));
            return line.substring(line.indexOf('(') + 1, line.lastIndexOf(')'));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
