package dev.orchestrator.supervision;

/** A refused control request, with supervisord's fault codes so the CLI can map them to its texts and exit codes. */
public class Fault extends Exception {

    public enum Code {
        BAD_NAME(10), BAD_ARGUMENTS(3), SHUTDOWN_STATE(6), FAILED(30), ABNORMAL_TERMINATION(40), SPAWN_ERROR(50),
        ALREADY_STARTED(60), NOT_RUNNING(70), SUCCESS(80), ALREADY_ADDED(90), STILL_RUNNING(91), CANT_REREAD(92),
        NO_FILE(20), NOT_EXECUTABLE(21), BAD_SIGNAL(11);

        public final int value;

        Code(int value) { this.value = value; }
    }

    private final Code code;

    public Fault(Code code, String detail) {
        super(detail == null ? code.name() : code.name() + ": " + detail);
        this.code = code;
    }

    public Code code() { return code; }
}
