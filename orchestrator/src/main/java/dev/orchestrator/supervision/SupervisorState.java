package dev.orchestrator.supervision;

/** supervisord's daemon states ("moods"), with their codes: processes spawn only while RUNNING. */
public enum SupervisorState {
    FATAL(2), RUNNING(1), RESTARTING(0), SHUTDOWN(-1);

    private final int code;

    SupervisorState(int code) { this.code = code; }

    public int code() { return code; }
}
