package dev.orchestrator.config;

import java.util.Optional;

/**
 * Whether the events a daemon may hold at once fit in its heap: each worker thread may hold its {@code prefetch}
 * deliveries of up to {@code max_event_bytes} each (docs/runtime.md). When that worst case exceeds half of the heap,
 * the daemon says so at start, naming the figures and the fix: most configurations never see their prefetch windows
 * full of events at the limit, yet such a burst would end the daemon (OutOfMemoryError).
 */
public final class InFlightMemory {

    private InFlightMemory() { }

    /** The warning for {@code configuration} in a heap of {@code heapBytes}, if its worst case exceeds half of it. */
    public static Optional<String> warning(Configuration configuration, long heapBytes) {
        long worst = 0;
        int workers = 0;
        for (GroupConfig group : configuration.groups()) {
            for (ProcessConfig process : group.processes()) {
                if (!(process.execution() instanceof Execution.Thread thread)) continue;
                EngineConfig engine = configuration.engines().get(thread.launch().engineName());
                if (engine == null) continue;
                worst += (long) engine.prefetch() * engine.maxEventBytes();
                workers++;
            }
        }
        if (worst <= heapBytes / 2) return Optional.empty();
        return Optional.of("the " + workers + " worker threads may hold up to " + (worst >> 20) + " MiB of events"
                + " (prefetch x max_event_bytes each), over half the heap of " + (heapBytes >> 20) + " MiB: lower"
                + " prefetch or max_event_bytes, or raise -Xmx (ORCHESTRATOR_DAEMON_JAVA_OPTS)");
    }
}
