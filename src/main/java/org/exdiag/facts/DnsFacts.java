package org.exdiag.facts;

/** What DNS said about the mailbox's domain. */
public record DnsFacts(DnsLookup<MxRecord> mx, DnsLookup<SrvRecord> autodiscoverSrv) {
}
