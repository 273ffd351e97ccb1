package dev.orchestrator.runtime;

/**
 * A task ran the JVM into a state no worker can recover from (an {@link OutOfMemoryError} or another
 * {@link VirtualMachineError} but {@link StackOverflowError}): a VirtualMachineError itself, it ends the daemon, naming the engine, the worker and
 * the event in hand; the broker redelivers what was not acked, and the event's delivery limit keeps it from
 * crash-looping the pipeline (docs/runtime.md, "What a task can do to the daemon").
 */
public final class FatalTaskError extends VirtualMachineError {

    public FatalTaskError(String engine, int worker, String routingKey, VirtualMachineError cause) {
        super("engine " + engine + " worker " + worker + ": " + cause + " with the event '" + routingKey + "' in hand",
                cause);
    }
}
