package dev.orchestrator.supervision;

/**
 * One state change of a process, as supervisord's {@code PROCESS_STATE_*} events: {@code process} is the
 * snapshot taken just after the change (its {@code state()} is the new state), {@code from} the state it left.
 */
public record ProcessEvent(ProcessInfo process, ProcessState from) {

    public ProcessState to() { return process.state(); }
}
