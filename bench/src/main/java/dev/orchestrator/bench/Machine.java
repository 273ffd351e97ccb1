package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run measured: cores, memory, JVM, operating system and load (the box may be shared). */
final class Machine {

    private Machine() { }

    static void describe(Report report) {
        report.machine("cores", Runtime.getRuntime().availableProcessors());
        report.machine("memory_mb", memoryMb());
        report.machine("jvm", jvm());
        report.machine("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        report.machine("loadavg_start", loadAverage());
    }

    static String jvm() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** MemTotal of /proc/meminfo in MiB; -1 when unknown. */
    static long memoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** The 1, 5 and 15 minute load averages; empty when unknown. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "";
        }
    }
}
