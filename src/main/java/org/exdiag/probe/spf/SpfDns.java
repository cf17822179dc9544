package org.exdiag.probe.spf;

import java.net.InetAddress;
import java.util.List;

/** The DNS an SPF evaluation needs: TXT, A, AAAA and MX, each answer with how it ended. */
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
}
