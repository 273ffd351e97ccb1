package dev.orchestrator.http;

/** A request refused with an HTTP status and a one-line reason (the plain-text body of the answer). */
public final class HttpError extends RuntimeException {

    private final int status;

    public HttpError(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() { return status; }
}
