package org.exdiag.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsBuilder;

/**
 * The domain's own records looked up on their own, without a test send or a password: what a bounce
 * needs to be explained when no diagnostic was saved. The diagnostic's DNS probes, in parallel, bounded
 * by {@code budget}; a lookup not finished in time is recorded as a timeout (could not check), never as a
 * missing record.
 */
public final class DomainRecordsLookup {
    private DomainRecordsLookup() {
    }

    /**
     * @param resolver   the DNS server to ask, or null for the system's
     * @param spfDomains the provider's SPF domains (expected-values.yaml), for the hosted offer's check
     * @param selectors  DKIM selectors to look up (none: DKIM is not probed)
     */
    public static DnsFacts lookUp(String domain, Expectation expect, Endpoint resolver, Duration timeout, Duration budget,
                                  List<String> spfDomains, List<String> selectors) {
        DiagnosticSettings settings = DiagnosticSettings.defaults().with(b -> {
            b.dns = resolver;
            b.dnsTimeout = timeout;
            b.expect = expect;
            b.spfDomains = spfDomains;
        });
        FactsBuilder facts = new FactsBuilder(null, domain, Instant.EPOCH);
        try (ProbeRun run = new ProbeRun(settings, null, domain, null, ProgressListener.NONE)) {
            run.gather(List.of(DnsRecordProbe.autodiscoverHost(), DnsRecordProbe.spf(), DnsRecordProbe.dmarc(),
                    DnsRecordProbe.dkim(selectors)), facts, budget);
        }
        return facts.build().dns();
    }
}
