package dev.orchestrator.xmlrpc;

/**
 * An XML-RPC fault: supervisord's numeric code and its text, {@code NAME} or {@code NAME: detail}, as
 * {@code supervisor/xmlrpc.py} {@code RPCError} builds it from {@link Faults}.
 */
public final class RpcFault extends Exception {

    private final int code;

    public RpcFault(Faults fault, String detail) {
        super(detail == null ? fault.name() : fault.name() + ": " + detail);
        this.code = fault.code;
    }

    public int code() { return code; }

    /** supervisord's fault codes ({@code supervisor/xmlrpc.py}, class {@code Faults}). */
    public enum Faults {
        UNKNOWN_METHOD(1), INCORRECT_PARAMETERS(2), BAD_ARGUMENTS(3), SIGNATURE_UNSUPPORTED(4), SHUTDOWN_STATE(6),
        BAD_NAME(10), BAD_SIGNAL(11), NO_FILE(20), NOT_EXECUTABLE(21), FAILED(30), ABNORMAL_TERMINATION(40),
        SPAWN_ERROR(50), ALREADY_STARTED(60), NOT_RUNNING(70), SUCCESS(80), ALREADY_ADDED(90), STILL_RUNNING(91),
        CANT_REREAD(92);

        public final int code;

        Faults(int code) { this.code = code; }
    }
}
