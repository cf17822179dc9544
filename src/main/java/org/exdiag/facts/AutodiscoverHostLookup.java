package org.exdiag.facts;

import java.util.List;

/**
 * The lookup of {@code autodiscover.<domain>}, which Outlook tries before the SRV record (facts v2).
 *
 * @param cname     the CNAME target when the name is an alias, else null
 * @param addresses the A/AAAA addresses reached (after the CNAME)
 */
public record AutodiscoverHostLookup(LookupStatus status, String cname, List<String> addresses) {
    public AutodiscoverHostLookup {
        if (status == null) {
            throw new InvalidFactException("status", "is required");
        }
        Checks.hostName("cname", cname);
        addresses = Checks.copyOrEmpty(addresses);
        for (int i = 0; i < addresses.size(); i++) {
            Checks.ipAddress("addresses[" + i + "]", addresses.get(i));
        }
    }
}
