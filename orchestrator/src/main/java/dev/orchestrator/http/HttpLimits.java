package dev.orchestrator.http;

/**
 * Bounds on what one client may send or take: the request line and headers together, the body, the time to send
 * a whole request once started, and the idle time between requests of a kept-alive connection.
 */
public record HttpLimits(int maxHeadBytes, int maxBodyBytes, int requestSeconds, int idleSeconds) {

    /** 16 KiB of head, 1 MiB of body, 30 s per request, 60 s idle (the control socket's idle limit). */
    public static final HttpLimits DEFAULT = new HttpLimits(16 << 10, 1 << 20, 30, 60);
}
