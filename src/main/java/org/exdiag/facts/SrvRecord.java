package org.exdiag.facts;

/** One SRV record as DNS returned it. */
public record SrvRecord(Integer priority, Integer weight, Integer port, String target) {
    public SrvRecord {
        Checks.requiredInRange("priority", priority, 0, 65535);
        Checks.requiredInRange("weight", weight, 0, 65535);
        Checks.requiredInRange("port", port, 0, 65535);
        Checks.required("target", target);
        Checks.hostName("target", target);
    }
}
