package dev.orchestrator.pipeline;

/**
 * One queue as a passive declare saw it: {@code messages} ready and {@code consumers}, both null when unknown
 * ({@code problem} then says why: no such queue, broker unreachable).
 */
public record QueueDepth(String name, Long messages, Long consumers, String problem) {

    static QueueDepth of(String name, long messages, long consumers) {
        return new QueueDepth(name, messages, consumers, null);
    }

    static QueueDepth unknown(String name, String problem) {
        return new QueueDepth(name, null, null, problem);
    }

    /** The message count, 0 when unknown (for sums and metrics). */
    public long messagesOrZero() { return messages == null ? 0 : messages; }
}
