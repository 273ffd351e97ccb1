package dev.orchestrator.supervision;

import dev.orchestrator.config.ProcessConfig;

/**
 * Makes the worker of a process at each spawn; a {@link SpawnException} is a spawn error (BACKOFF, then FATAL).
 * {@code create} runs on the supervisor thread, as supervisord's fork: keep it quick and connect in {@code run}.
 */
@FunctionalInterface
public interface WorkerFactory {
    Worker create(ProcessConfig process) throws SpawnException;

    /** Threads from {@code threads}; processes that run as child processes (or child JVMs) from {@code children}. */
    static WorkerFactory byExecution(WorkerFactory threads, WorkerFactory children) {
        return process -> process.execution() != null && process.execution().isChildProcess()
                ? children.create(process) : threads.create(process);
    }
}
