package dev.orchestrator.supervision;

/** supervisord's process states, with their codes. */
public enum ProcessState {
    STOPPED(0), STARTING(10), RUNNING(20), BACKOFF(30), STOPPING(40), EXITED(100), FATAL(200), UNKNOWN(1000);

    private final int code;

    ProcessState(int code) { this.code = code; }

    public int code() { return code; }

    /** STOPPED, EXITED, FATAL, UNKNOWN. */
    public boolean isStopped() { return this == STOPPED || this == EXITED || this == FATAL || this == UNKNOWN; }

    /**
     * The transitions of supervisord's process.py (docs/supervision.md): a state may change to these only. A process
     * may stay in its state (its pid or times change).
     */
    public boolean canBecome(ProcessState next) {
        if (next == this) return true;
        return switch (this) {
            case STOPPED, EXITED, FATAL -> next == STARTING;
            case STARTING -> next == RUNNING || next == BACKOFF || next == STOPPING;
            case RUNNING -> next == EXITED || next == STOPPING;
            case BACKOFF -> next == STARTING || next == FATAL || next == STOPPED;
            case STOPPING -> next == STOPPED;
            case UNKNOWN -> false;
        };
    }

    /** STARTING, RUNNING, BACKOFF: {@code start} says "already started". */
    public boolean isRunning() { return this == STARTING || this == RUNNING || this == BACKOFF; }
}
