package dev.orchestrator.supervision;

/**
 * Told of every process state change, in order, on the supervisor thread: it must return quickly and never
 * block or call back into the supervisor's waiting methods (hand the event to another thread if needed).
 */
@FunctionalInterface
public interface ProcessListener {
    void processStateChanged(ProcessEvent event);
}
