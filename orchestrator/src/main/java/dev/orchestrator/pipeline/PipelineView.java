package dev.orchestrator.pipeline;

import java.util.List;

/**
 * The pipeline at one instant: every engine (configured, used by a process or named in a {@code next}), in name
 * order, and one edge per {@code next} target ({@code balanced} for {@code next_balanced}). {@code time} is epoch
 * milliseconds.
 */
public record PipelineView(long time, List<EngineNode> engines, List<Edge> edges) {

    /** An arrow {@code from -> to}: events {@code from} publishes reach {@code to}'s queue. */
    public record Edge(String from, String to, boolean balanced) {}
}
