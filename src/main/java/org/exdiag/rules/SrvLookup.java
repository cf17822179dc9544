package org.exdiag.rules;

/** How the _autodiscover._tcp SRV lookup ended and how many records it gave. */
public record SrvLookup(String status, int count) implements DnsAnswer.Counted {
}
