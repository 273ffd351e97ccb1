package dev.orchestrator.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The user name and password of an {@code [inet_http_server]} or {@code [unix_http_server]} section, checked against
 * HTTP basic authentication. A password {@code {SHA}hex} is the SHA-1 of the real one in hexadecimal, as supervisord
 * reads it ({@code supervisor/http.py}, {@code encrypted_dictionary_authorizer.authorize}).
 */
public record Credentials(String username, String password) {

    private static final String SHA = "{SHA}";

    /** True if the {@code Authorization} header value gives these credentials. */
    public boolean accept(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return false;
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) return false;
        String user = decoded.substring(0, colon);
        String given = decoded.substring(colon + 1);
        boolean userOk = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                username.getBytes(StandardCharsets.UTF_8));
        byte[] expected = password.startsWith(SHA)
                ? password.substring(SHA.length()).toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)
                : password.getBytes(StandardCharsets.UTF_8);
        byte[] actual = password.startsWith(SHA) ? sha1Hex(given) : given.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, actual) & userOk;
    }

    private static byte[] sha1Hex(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.UTF_8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    @Override
    public String toString() { return "Credentials[" + username + ", ***]"; }
}
