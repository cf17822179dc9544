package org.exdiag.probe.spf;

import java.net.InetAddress;
import java.util.List;

/** The DNS an SPF evaluation needs: TXT, A, AAAA, MX and PTR, each answer with how it ended. */
public interface SpfDns {
    /**
     * An answer: its records (empty for NXDOMAIN and NODATA, a "void" lookup), or a failure.
     *
     * @param status ok, nxdomain, nodata, servfail, timeout or error
     */
    record Answer<T>(String status, List<T> records) {
        public boolean failed() {
            return status.equals("servfail") || status.equals("timeout") || status.equals("error");
        }
    }

    Answer<String> txt(String name);

    Answer<InetAddress> a(String name);

    Answer<InetAddress> aaaa(String name);

    /** The MX hosts of a name, in preference order. */
    Answer<String> mx(String name);

    /**
     * The names a PTR lookup of the address gives (the ptr mechanism and the %{p} macro, RFC 7208 5.5).
     * A DNS that cannot look them up keeps this default, "nodata": no name, so ptr never matches and
     * %{p} is "unknown", as for an address without reverse DNS.
     */
    default Answer<String> ptr(InetAddress ip) {
        return new Answer<>("nodata", List.of());
    }
}
