package dev.orchestrator.config;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the events a daemon may hold at once fit in its heap: each worker thread may hold its {@code prefetch}
 * deliveries of up to {@code max_event_bytes} each (docs/runtime.md). When that worst case exceeds half of the
 * daemon's heap, {@code check} warns, naming the figures and the fix: a burst of large events would otherwise end the
 * daemon (OutOfMemoryError) instead of going to the error queue.
 */
final class InFlightMemory {

    /** The daemon's heap when {@code ORCHESTRATOR_DAEMON_JAVA_OPTS} sets none: the launcher's -Xmx256m. */
    static final long LAUNCHER_HEAP_BYTES = 256L << 20;
    static final String DAEMON_JAVA_OPTS = "ORCHESTRATOR_DAEMON_JAVA_OPTS";
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");

    private InFlightMemory() { }

    static void check(List<GroupConfig> groups, Map<String, EngineConfig> engines, Map<String, String> environment,
                      Problems problems) {
        long worst = 0;
        int workers = 0;
        Source first = null;
        for (GroupConfig group : groups) {
            for (ProcessConfig process : group.processes()) {
                if (!(process.execution() instanceof Execution.Thread thread)) continue;
                EngineConfig engine = engines.get(thread.launch().engineName());
                if (engine == null) continue;
                worst += (long) engine.prefetch() * engine.maxEventBytes();
                workers++;
                if (first == null) first = engine.source();
            }
        }
        long heap = heapBytes(environment.get(DAEMON_JAVA_OPTS));
        if (first != null && worst > heap / 2) {
            problems.warning(first, "the " + workers + " worker threads may hold up to " + (worst >> 20)
                    + " MiB of events (prefetch x max_event_bytes each), over half the daemon's heap of "
                    + (heap >> 20) + " MiB (expected a lower prefetch or max_event_bytes, or a larger -Xmx in "
                    + DAEMON_JAVA_OPTS + ")");
        }
    }

    /** The -Xmx of {@code javaOptions} in bytes, the launcher's default when there is none. */
    static long heapBytes(String javaOptions) {
        long heap = LAUNCHER_HEAP_BYTES;
        Matcher m = XMX.matcher(javaOptions == null ? "" : javaOptions);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            heap = switch (m.group(2).toLowerCase()) {
                case "k" -> n << 10;
                case "m" -> n << 20;
                case "g" -> n << 30;
                default -> n;
            };
        }
        return heap;
    }
}
