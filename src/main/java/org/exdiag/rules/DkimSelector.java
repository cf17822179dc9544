package org.exdiag.rules;

/**
 * One DKIM selector: the lookup of {@code <selector>._domainkey.<domain>} (CNAME target and key record
 * reached, host names normalized) and the provider's view of it when known.
 *
 * @param providerStatus todo, waitingRecord, ready, inProduction, disabling, deleting; null when unknown
 */
public record DkimSelector(String selector, String status, String cname, String record, String expectedCname,
                           String providerStatus) implements DnsAnswer {
}
