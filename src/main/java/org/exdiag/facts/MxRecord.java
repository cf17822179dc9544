package org.exdiag.facts;

/** One MX record as DNS returned it. */
public record MxRecord(Integer preference, String host) {
    public MxRecord {
        Checks.requiredInRange("preference", preference, 0, 65535);
        Checks.required("host", host);
        Checks.hostName("host", host);
    }
}
