package org.exdiag.rules;

/** The lookup of {@code _dmarc.<domain>}: how it ended and how many DMARC records it has. */
public record DmarcLookup(String status, int count) implements DnsAnswer.Counted {
}
