package org.exdiag.probe.spf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The validated names of an address (RFC 7208 5.5), for the ptr mechanism and %{p}: the names its PTR
 * records give whose A (or AAAA) records give the address back. The PTR records belong to whoever holds
 * the address, not to the policy's domain, so nothing here counts against the policy: a failed PTR lookup
 * gives no name, a name whose lookup fails is skipped (5.5), and only the first 10 names are tried (4.6.4).
 */
final class ValidatedNames {
    static final int MAX_PTR_NAMES = 10;

    private ValidatedNames() {
    }

    static List<String> of(SpfDns dns, InetAddress ip) {
        SpfDns.Answer<String> ptr = dns.ptr(ip);
        if (ptr.failed()) {
            return List.of();
        }
        List<String> validated = new ArrayList<>();
        for (String name : ptr.records().subList(0, Math.min(MAX_PTR_NAMES, ptr.records().size()))) {
            String n = DnsNames.strip(name);
            if (!DnsNames.isQueryable(n)) {
                continue;
            }
            SpfDns.Answer<InetAddress> addresses = ip instanceof Inet6Address ? dns.aaaa(n) : dns.a(n);
            if (addresses.records().stream().anyMatch(a -> Arrays.equals(a.getAddress(), ip.getAddress()))) {
                validated.add(n);
            }
        }
        return validated;
    }
}
