package org.exdiag.rules;

import java.util.Set;

/**
 * What every DNS lookup fact says the same way, computed once so that rules need not spell the statuses
 * out: {@code failed}, the lookup got no answer (servfail, timeout, error): "could not check", never
 * "invalid". A rule writes {@code MxLookup( failed, $status : status )}.
 */
public interface DnsAnswer {
    Set<String> FAILED = Set.of("servfail", "timeout", "error");

    /** ok, nxdomain, nodata, servfail, timeout or error. */
    String status();

    default boolean isFailed() {
        return FAILED.contains(status());
    }

    /**
     * A lookup of records counted by kind (MX, SRV, SPF, DMARC), which adds {@code missing}: an answer
     * that holds none of them (nxdomain, nodata, or ok with records of other kinds only).
     */
    interface Counted extends DnsAnswer {
        /** How many records of the kind asked the answer holds. */
        int count();

        default boolean isMissing() {
            return "nxdomain".equals(status()) || "nodata".equals(status()) || "ok".equals(status()) && count() == 0;
        }
    }
}
