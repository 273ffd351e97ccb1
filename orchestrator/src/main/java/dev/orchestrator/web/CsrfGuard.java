package dev.orchestrator.web;

import dev.orchestrator.http.HttpRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Keeps a page of another site from changing anything through an operator's browser (whose basic-auth credentials
 * it would send along): every state-changing request must carry the daemon's random token in
 * {@value #HEADER}, and, when the browser names an {@code Origin}, come from the daemon's own host. A page of
 * another origin can neither read the token (the dashboard page and {@code /api/session} carry no CORS headers)
 * nor send a custom header without a CORS preflight, which is never granted.
 */
final class CsrfGuard {

    static final String HEADER = "X-Orchestrator-Token";

    private final String token;

    CsrfGuard() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
    }

    String token() { return token; }

    /** Refuses a state-changing request without the token or from another origin (403). */
    void check(HttpRequest request) throws ApiError {
        String origin = request.header("origin");
        String host = request.header("host");
        if (origin != null && (host == null || !host.equalsIgnoreCase(authority(origin)))) {
            throw new ApiError(403, "FORBIDDEN", "cross-origin request refused (Origin " + origin + ")");
        }
        String given = request.header(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(403, "FORBIDDEN", "missing or wrong " + HEADER + " header (GET /api/session gives it)");
        }
    }

    private static String authority(String origin) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
