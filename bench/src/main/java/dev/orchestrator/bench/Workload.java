package dev.orchestrator.bench;

import dev.orchestrator.config.EngineConfig;

/**
 * What both sides of every comparison share: message size, consumer prefetch, publisher confirm window, ack batch and
 * run durations. The prefetch is the orchestrator's ({@link EngineConfig#DEFAULT_PREFETCH}); a worker has at most
 * that many inputs unacked, and an identity task with one {@code next} publishes one output per input, so its
 * unconfirmed outputs are bounded by the prefetch too: the confirm window is the prefetch. A worker acks the settled
 * prefix of its inputs with {@code multiple=true} as confirms arrive, about every half window under load.
 */
record Workload(int messageBytes, int prefetch, int confirmWindow, int multiAck, int warmupSeconds, int seconds) {

    static final int MESSAGE_BYTES = 1024;

    /** The orchestrator's default prefetch ({@code prefetch <= 0}) or another one, for both sides. */
    static Workload of(int warmupSeconds, int seconds, int prefetch) {
        if (prefetch <= 0) prefetch = EngineConfig.DEFAULT_PREFETCH;
        return new Workload(MESSAGE_BYTES, prefetch, prefetch, prefetch / 2, warmupSeconds, seconds);
    }

    int totalSeconds() { return warmupSeconds + seconds; }

    /** Whether engines need a {@code prefetch=} key (the workload's prefetch is not their default). */
    boolean customPrefetch() { return prefetch != EngineConfig.DEFAULT_PREFETCH; }
}
