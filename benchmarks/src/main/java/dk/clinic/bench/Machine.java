package dk.clinic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on; they mean little without it. */
record Machine(int cpus, String cpuModel, double memoryGib, String postgres, String jdk) {

    static Machine describe(String postgresVersion) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryGib(), postgresVersion,
                Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")");
    }

    @Override
    public String toString() {
        return "%d CPUs (%s), %.1f GiB memory, PostgreSQL %s, JDK %s".formatted(cpus, cpuModel, memoryGib, postgres, jdk);
    }

    private static String readCpuModel() {
        return procLine("/proc/cpuinfo", "model name").map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown CPU");
    }

    private static double readMemoryGib() {
        return procLine("/proc/meminfo", "MemTotal:")
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(0) / 1024.0 / 1024.0;
    }

    private static java.util.stream.Stream<String> procLine(String file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(prefix));
        } catch (IOException e) {
            return java.util.stream.Stream.empty();
        }
    }
}
