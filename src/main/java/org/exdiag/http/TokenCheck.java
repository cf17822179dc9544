package org.exdiag.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that guards live diagnostics and reloads. Compared in constant time (digests of
 * equal length, MessageDigest.isEqual), so timing says nothing about how much of a guess was right.
 */
public final class TokenCheck {
    public enum Outcome { OK, MISSING, WRONG }

    private final byte[] expectedDigest;

    /** {@code token} null: no token configured, so the guarded routes are closed to everyone. */
    public TokenCheck(String token) {
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    public boolean configured() {
        return expectedDigest != null;
    }

    public Outcome check(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Outcome.MISSING;
        }
        byte[] given = sha256(authorizationHeader.substring(7).strip());
        return expectedDigest != null && MessageDigest.isEqual(expectedDigest, given) ? Outcome.OK : Outcome.WRONG;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
