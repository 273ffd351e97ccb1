package dev.orchestrator.pipeline;

import java.util.List;

/**
 * One engine of the pipeline: its type and workers (running of configured), the totals and rates of its workers'
 * counters (events in and out per second), the mean processing time per event, its queue and its error queue.
 * {@code workers} are the namespecs of its processes.
 */
public record EngineNode(
        String name,
        String type,
        List<String> workers,
        int workersRunning,
        int workersConfigured,
        long eventsIn,
        long eventsOut,
        long errored,
        long dropped,
        double inPerSecond,
        double outPerSecond,
        double secondsPerEvent,
        List<String> next,
        boolean nextBalanced,
        QueueDepth queue,
        QueueDepth errorQueue) {}
