package dev.orchestrator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used (user + system, from /proc/PID/stat, in clock ticks of 10 ms): the cost of a message
 * measured in CPU does not depend on how loaded a shared machine is, unlike rates.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100;

    private ProcessCpu() { }

    /** CPU seconds used so far by {@code pid}; NaN when it is gone. */
    static double seconds(long pid) {
        return ticks(Long.toString(pid), 14) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds used so far by this JVM's finished children (those waited for): around one child process run,
     * the difference is that command's CPU time, whatever the machine's load.
     */
    static double childrenSeconds() {
        return ticks("self", 16) / TICKS_PER_SECOND;
    }

    /** The sum of fields {@code first} and {@code first + 1} (user and system) of /proc/PID/stat; NaN when unreadable. */
    private static double ticks(String pid, int first) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // fields are numbered from 1 (pid); the command (field 2) may hold spaces, so count after its ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[first - 3]) + Long.parseLong(fields[first - 2]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
