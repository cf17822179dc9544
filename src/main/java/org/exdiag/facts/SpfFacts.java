package org.exdiag.facts;

import java.util.List;

/**
 * The domain's SPF policy (facts v2): its TXT records that begin with {@code v=spf1}, and what
 * evaluating it found (RFC 7208).
 *
 * @param records     each record's strings joined (RFC 7208 3.3)
 * @param dnsLookups  DNS-querying terms met while evaluating, includes and redirect followed (4.6.4)
 * @param voidLookups of those, lookups that found nothing
 * @param error       why evaluating the policy failed (syntax, loop, limit), when it did
 * @param checks      the policy evaluated for given sending addresses
 */
public record SpfFacts(LookupStatus status, List<String> records, Integer dnsLookups, Integer voidLookups, String error,
                       List<SpfCheck> checks) {
    public SpfFacts {
        if (status == null) {
            throw new InvalidFactException("status", "is required");
        }
        records = Checks.copyOrEmpty(records);
        Checks.inRange("dnsLookups", dnsLookups, 0, 10_000);
        Checks.inRange("voidLookups", voidLookups, 0, 10_000);
        checks = Checks.copyOrEmpty(checks);
    }
}
