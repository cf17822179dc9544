package org.exdiag.facts;

/** The SPF policy evaluated for one sending address: the RFC 7208 result. */
public record SpfCheck(String ip, SpfResult result) {
    public SpfCheck {
        Checks.required("ip", ip);
        Checks.ipAddress("ip", ip);
        if (result == null) {
            throw new InvalidFactException("result", "is required");
        }
    }
}
