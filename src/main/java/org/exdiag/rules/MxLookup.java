package org.exdiag.rules;

/** How the MX lookup ended (ok, nxdomain, nodata, servfail, timeout, error) and how many records it gave. */
public record MxLookup(String status, int count) implements DnsAnswer.Counted {
}
