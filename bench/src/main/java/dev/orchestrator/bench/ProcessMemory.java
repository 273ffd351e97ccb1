package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * A process's memory from /proc: {@code VmRSS} of /proc/PID/status (resident pages, shared ones counted in full in
 * every process that maps them) and {@code Pss} of /proc/PID/smaps_rollup (each shared page divided among the
 * processes sharing it), so that a sum over many processes running the same interpreter is fair.
 */
final class ProcessMemory {

    private ProcessMemory() { }

    /** Resident memory and proportional set size, in MiB. */
    record Footprint(double rssMb, double pssMb) {
        Footprint plus(Footprint other) {
            return new Footprint(rssMb + other.rssMb, pssMb + other.pssMb);
        }
    }

    /** VmRSS of {@code pid} in MiB. */
    static double rssMb(long pid) throws IOException {
        return kib(read(pid, "status"), "VmRSS:") / 1024.0;
    }

    /** VmRSS and Pss of {@code pid}. */
    static Footprint of(long pid) throws IOException {
        return new Footprint(rssMb(pid), kib(read(pid, "smaps_rollup"), "Pss:") / 1024.0);
    }

    /** The sum of the footprints of {@code pids}. */
    static Footprint sum(Collection<Long> pids) throws IOException {
        Footprint total = new Footprint(0, 0);
        for (long pid : pids) total = total.plus(of(pid));
        return total;
    }

    /** The value in kB of the line {@code field} (e.g. {@code "Pss:"}, not {@code "Pss_Anon:"}) of a /proc file. */
    static long kib(String text, String field) throws IOException {
        for (String line : text.split("\n")) {
            if (line.startsWith(field)) {
                String value = line.substring(field.length()).trim();
                if (!value.endsWith(" kB")) break;
                return Long.parseLong(value.substring(0, value.length() - 3).trim());
            }
        }
        throw new IOException("no '" + field + " N kB' line");
    }

    private static String read(long pid, String file) throws IOException {
        Path path = Path.of("/proc", Long.toString(pid), file);
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IOException("cannot read " + path + " (has process " + pid + " exited?): " + e.getMessage(), e);
        }
    }
}
