package org.exdiag.facts;

/** One login attempt: how it ended and what the server said, in its words. */
public record AuthCheck(AuthResult result, String detail) {
    public AuthCheck {
        if (result == null) {
            throw new InvalidFactException("result", "is required");
        }
    }
}
