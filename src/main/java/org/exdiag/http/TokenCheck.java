package org.exdiag.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that guards live diagnostics and reloads. Compared in constant time (digests of
 * equal length, MessageDigest.isEqual), so timing says nothing about how much of a guess was right.
 */
public final class TokenCheck {
    public enum Outcome { OK, MISSING, WRONG, DISABLED }

    private final byte[] expectedDigest;

    /** {@code token} null: no token configured, so the guarded routes are closed to everyone. */
    public TokenCheck(String token) {
        this.expectedDigest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    public boolean configured() {
        return expectedDigest != null;
    }

    public Outcome check(String authorizationHeader) {
        if (expectedDigest == null) {
            return Outcome.DISABLED; // whatever was sent: no token is right on a server that has none
        }
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Outcome.MISSING;
        }
        byte[] given = sha256(authorizationHeader.substring(7).strip());
        return MessageDigest.isEqual(expectedDigest, given) ? Outcome.OK : Outcome.WRONG;
    }

    /** Throws the answer a guarded route gives: 401 without a token or on a server without one, 403 when wrong. */
    void require(String authorizationHeader) {
        switch (check(authorizationHeader)) {
            case OK -> { }
            case DISABLED -> throw new ApiError(401, "this route is disabled: the server has no token (--token-file)");
            case MISSING -> throw new ApiError(401, "a bearer token is required");
            case WRONG -> throw new ApiError(403, "wrong token");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
