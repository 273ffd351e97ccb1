package dev.orchestrator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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

    /**
     * Context switches (voluntary and involuntary) of {@code pid}'s live threads so far, from
     * /proc/PID/task/TID/status: a thread wake-up or hand-off per event shows here; NaN when it is gone.
     */
    static double contextSwitches(long pid) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.mapToLong(ProcessCpu::threadSwitches).sum();
        } catch (IOException | UncheckedIOException e) {
            return Double.NaN;
        }
    }

    private static long threadSwitches(Path task) {
        try {
            return Files.readAllLines(task.resolve("status")).stream().filter(l -> l.contains("ctxt_switches:"))
                    .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).sum();
        } catch (IOException e) {
            return 0; // the thread ended meanwhile
        }
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
