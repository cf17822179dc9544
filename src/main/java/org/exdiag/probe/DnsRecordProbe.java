package org.exdiag.probe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.SpfFacts;
import org.exdiag.facts.SrvRecord;

/**
 * One of the domain's DNS records, looked up as Outlook, receivers and senders see it: MX, the
 * autodiscover SRV, {@code autodiscover.<domain>}, SPF (evaluated), DMARC, DKIM. What did not answer in
 * time is a timeout, what failed an error: "could not check", never a missing record.
 *
 * @param <T> the lookup's facts
 */
public final class DnsRecordProbe<T> extends Probe<T> {
    private final Function<ProbeRun, CompletableFuture<T>> lookup;
    private final Function<LookupStatus, T> ended;
    private final BiConsumer<FactsBuilder, T> fill;
    private final Function<T, String> outcome;

    private DnsRecordProbe(String name, String part, Function<ProbeRun, CompletableFuture<T>> lookup, Function<LookupStatus, T> ended,
                           BiConsumer<FactsBuilder, T> fill, Function<T, String> outcome) {
        super(name, part);
        this.lookup = lookup;
        this.ended = ended;
        this.fill = fill;
        this.outcome = outcome;
    }

    public static DnsRecordProbe<DnsLookup<MxRecord>> mx() {
        return new DnsRecordProbe<>("dns mx", "dns.mx", run -> run.dns().mx(run.domain()),
                s -> new DnsLookup<>(s, List.of()), (f, v) -> f.mx = v, l -> l.status().wire());
    }

    public static DnsRecordProbe<DnsLookup<SrvRecord>> autodiscoverSrv() {
        return new DnsRecordProbe<>("dns autodiscover srv", "dns.autodiscoverSrv", run -> run.dns().autodiscoverSrv(run.domain()),
                s -> new DnsLookup<>(s, List.of()), (f, v) -> f.autodiscoverSrv = v, l -> l.status().wire());
    }

    public static DnsRecordProbe<AutodiscoverHostLookup> autodiscoverHost() {
        return new DnsRecordProbe<>("dns autodiscover host", "dns.autodiscoverHost", run -> run.records().autodiscoverHost(run.domain()),
                s -> new AutodiscoverHostLookup(s, null, List.of()), (f, v) -> f.autodiscoverHost = v,
                l -> l.status().wire() + (l.cname() == null ? "" : " (CNAME " + l.cname() + ")"));
    }

    public static DnsRecordProbe<DnsLookup<String>> dmarc() {
        return new DnsRecordProbe<>("dns dmarc", "dns.dmarc", run -> run.records().dmarc(run.domain()),
                s -> new DnsLookup<>(s, List.of()), (f, v) -> f.dmarc = v, l -> l.status().wire());
    }

    /** The SPF policy, evaluated for the addresses mail for the domain leaves from. */
    public static DnsRecordProbe<SpfFacts> spf() {
        return new DnsRecordProbe<>("dns spf", "dns.spf",
                run -> run.records().senders(run.settings().expect(), run.settings().spfDomains())
                        .thenCompose(ips -> run.records().spf(run.domain(), ips)),
                s -> new SpfFacts(s, List.of(), null, null, null, List.of()), (f, v) -> f.spf = v,
                f -> f.status().wire() + (f.error() == null ? "" : " (" + f.error() + ")"));
    }

    /**
     * The DKIM selectors the provider lists ({@code account}'s), else those the user named; none known:
     * not probed.
     */
    static DnsRecordProbe<List<DkimSelectorFacts>> dkim(Probe<AccountSource.View> account) {
        return new DnsRecordProbe<>("dns dkim", "dns.dkim", run -> run.resultOf(account).thenCompose(view -> {
            List<DomainRecordsProbe.Selector> selectors = view.dkim() != null ? view.dkim()
                    : run.settings().dkimSelectors().isEmpty() ? null
                    : run.settings().dkimSelectors().stream().map(n -> new DomainRecordsProbe.Selector(n, null, null)).toList();
            return selectors == null ? CompletableFuture.completedFuture(null) : run.records().dkim(run.domain(), selectors);
        }), s -> null, (f, v) -> f.dkim = v, l -> l == null ? "no selector known" : l.size() + " selector" + (l.size() == 1 ? "" : "s"));
    }

    /** The DKIM selectors the user named, without an account probe (a bounce's lookups, a sweep). */
    public static DnsRecordProbe<List<DkimSelectorFacts>> dkim(List<String> selectors) {
        return new DnsRecordProbe<>("dns dkim", "dns.dkim", run -> selectors.isEmpty() ? CompletableFuture.completedFuture(null)
                : run.records().dkim(run.domain(), selectors.stream().map(n -> new DomainRecordsProbe.Selector(n, null, null)).toList()),
                s -> null, (f, v) -> f.dkim = v, l -> l == null ? "no selector known" : l.size() + " selector" + (l.size() == 1 ? "" : "s"));
    }

    @Override
    protected CompletableFuture<T> start(ProbeRun run) {
        return lookup.apply(run);
    }

    @Override
    protected T notFinished(ProbeRun run) {
        return ended.apply(LookupStatus.TIMEOUT);
    }

    @Override
    protected T failed(ProbeRun run) {
        return ended.apply(LookupStatus.ERROR);
    }

    @Override
    protected void fill(FactsBuilder facts, T seen, ProbeRun run) {
        fill.accept(facts, seen);
    }

    @Override
    protected String outcome(T seen) {
        return outcome.apply(seen);
    }
}
