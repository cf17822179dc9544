package org.exdiag.probe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.SpfFacts;

/**
 * The domain's own records looked up on their own, without a test send or a password: what a bounce
 * needs to be explained when no diagnostic was saved. DNS only, in parallel, bounded by {@code budget};
 * a lookup not finished in time is recorded as a timeout (could not check), never as a missing record.
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
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "exdiag-records");
            t.setDaemon(true);
            return t;
        });
        try {
            DomainRecordsProbe records = new DomainRecordsProbe(new DnsProbe(resolver, timeout), pool);
            CompletableFuture<AutodiscoverHostLookup> host = records.autodiscoverHost(domain);
            CompletableFuture<DnsLookup<String>> dmarc = records.dmarc(domain);
            CompletableFuture<SpfFacts> spf = records.senders(expect, spfDomains).thenCompose(ips -> records.spf(domain, ips));
            CompletableFuture<List<DkimSelectorFacts>> dkim = selectors.isEmpty() ? CompletableFuture.completedFuture(null)
                    : records.dkim(domain, selectors.stream().map(s -> new DomainRecordsProbe.Selector(s, null, null)).toList());
            long deadline = System.nanoTime() + budget.toNanos();
            return new DnsFacts(null, null,
                    within(host, deadline, new AutodiscoverHostLookup(LookupStatus.TIMEOUT, null, List.of())),
                    within(spf, deadline, new SpfFacts(LookupStatus.TIMEOUT, List.of(), null, null, null, List.of())),
                    within(dmarc, deadline, new DnsLookup<>(LookupStatus.TIMEOUT, List.of())),
                    within(dkim, deadline, null));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T within(CompletableFuture<T> future, long deadline, T fallback) {
        try {
            return future.completeOnTimeout(fallback, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).join();
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
