package org.exdiag.facts;

/**
 * The SPF policy evaluated for one sending address: the RFC 7208 result, and for a fail the policy's own
 * explanation (its {@code exp=} text, macros expanded; facts v3), or null.
 */
public record SpfCheck(String ip, SpfResult result,
                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String explanation) {
    public SpfCheck(String ip, SpfResult result) {
        this(ip, result, null);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public SpfCheck {
        Checks.required("ip", ip);
        Checks.ipAddress("ip", ip);
        if (result == null) {
            throw new InvalidFactException("result", "is required");
        }
    }
}
