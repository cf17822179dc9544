package org.exdiag.probe;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DkimProviderStatus;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.Offer;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.SpfCheck;
import org.exdiag.facts.SpfFacts;
import org.exdiag.facts.SpfResult;
import org.exdiag.facts.SpfSyntax;
import org.exdiag.probe.spf.DnsProbeSpf;
import org.exdiag.probe.spf.SpfDns;
import org.exdiag.probe.spf.SpfEvaluator;
import org.xbill.DNS.Type;

/**
 * The domain's own records that make receivers accept or refuse its mail, and the autodiscover host:
 * SPF (its records, and the policy evaluated: lookups, void lookups, error, and checks for sending
 * addresses), DMARC, the DKIM selectors, {@code autodiscover.<domain>}. Records only; the rules decide.
 */
public final class DomainRecordsProbe {
    /** An address no policy names (TEST-NET-1): evaluating for it walks the whole policy, counting every lookup. */
    private static final InetAddress NOBODY = literal("192.0.2.1");

    private final DnsProbe dns;
    private final Executor pool;

    public DomainRecordsProbe(DnsProbe dns, Executor pool) {
        this.dns = dns;
        this.pool = pool;
    }

    /** A DKIM selector to look up, with what the provider says of it when known. */
    public record Selector(String name, String expectedCname, DkimProviderStatus providerStatus) {
    }

    public CompletableFuture<AutodiscoverHostLookup> autodiscoverHost(String domain) {
        String name = "autodiscover." + domain;
        return dns.aliased(name, Type.A).thenCombine(dns.aliased(name, Type.AAAA), (four, six) -> {
            List<String> addresses = new ArrayList<>(four.values());
            addresses.addAll(six.values());
            LookupStatus status = four.status() == LookupStatus.OK || six.status() == LookupStatus.OK ? LookupStatus.OK : four.status();
            String cname = four.cname() != null ? four.cname() : six.cname();
            return new AutodiscoverHostLookup(status, cname, addresses);
        });
    }

    public CompletableFuture<DnsLookup<String>> dmarc(String domain) {
        return dns.txt("_dmarc." + domain).thenApply(l -> {
            List<String> dmarc = l.records().stream().filter(r -> r.strip().toUpperCase(Locale.ROOT).startsWith("V=DMARC1")).toList();
            return new DnsLookup<>(l.status() == LookupStatus.OK && dmarc.isEmpty() ? LookupStatus.NODATA : l.status(), dmarc);
        });
    }

    /**
     * The SPF records of the domain, the policy evaluated once for an address it cannot name (to count
     * every lookup and find any error), and checked for each of {@code senders}, the addresses the
     * provider's servers send from.
     */
    public CompletableFuture<SpfFacts> spf(String domain, List<InetAddress> senders) {
        return dns.txt(domain).thenApplyAsync(l -> {
            List<String> records = l.records().stream().filter(SpfSyntax::isSpf).toList();
            LookupStatus status = l.status() == LookupStatus.OK && records.isEmpty() ? LookupStatus.NODATA : l.status();
            if (records.isEmpty()) {
                return new SpfFacts(status, records, null, null, null, List.of());
            }
            SpfDns spfDns = new DnsProbeSpf(dns);
            String sender = "postmaster@" + domain;
            SpfEvaluator.Outcome walk = new SpfEvaluator(spfDns).check(NOBODY, domain, sender);
            List<SpfCheck> checks = new ArrayList<>();
            for (InetAddress ip : senders) {
                SpfEvaluator.Outcome outcome = new SpfEvaluator(spfDns).check(ip, domain, sender);
                checks.add(new SpfCheck(ip.getHostAddress(), outcome.result(), outcome.explanation()));
            }
            // A temporary failure says nothing of the policy: the rules take "temperror:" as "could not check".
            String error = walk.result() == SpfResult.PERMERROR ? walk.error()
                    : walk.result() == SpfResult.TEMPERROR ? "temperror: " + walk.error() : null;
            return new SpfFacts(status, records, walk.dnsLookups(), walk.voidLookups(), error, checks);
        }, pool);
    }

    /**
     * The addresses mail for the domain leaves from, to check its policy with: a private server's own
     * A/AAAA records, else one address each of the provider's SPF domains names.
     */
    public CompletableFuture<List<InetAddress>> senders(Expectation expect, List<String> spfDomains) {
        return expect.offer() == Offer.PRIVATE && expect.privateHost() != null ? dns.addresses(expect.privateHost())
                : providerSenders(spfDomains);
    }

    /**
     * One address each of the provider's SPF domains names ({@code include:mx.ovh.com}): the first ip4
     * network of its policy, followed through its includes. What "the provider's servers" send from, to
     * check a customer's policy with, whether it names them directly or through a redirect.
     */
    public CompletableFuture<List<InetAddress>> providerSenders(List<String> spfDomains) {
        return CompletableFuture.supplyAsync(() -> {
            SpfDns spfDns = new DnsProbeSpf(dns);
            List<InetAddress> out = new ArrayList<>();
            for (String d : spfDomains) {
                InetAddress a = firstNetwork(spfDns, d, 0);
                if (a != null) {
                    out.add(a);
                }
            }
            return out;
        }, pool);
    }

    private static InetAddress firstNetwork(SpfDns dns, String domain, int depth) {
        if (depth > 5) {
            return null;
        }
        for (String record : dns.txt(domain).records()) {
            if (!SpfSyntax.isSpf(record)) {
                continue;
            }
            try {
                for (SpfSyntax.Term t : SpfSyntax.terms(record)) {
                    if (t.name().equals("ip4") && t.value() != null) {
                        return literal(t.value().split("/")[0]);
                    }
                    if (t.name().equals("include")) {
                        InetAddress inner = firstNetwork(dns, t.value(), depth + 1);
                        if (inner != null) {
                            return inner;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /** Each selector's record at {@code <selector>._domainkey.<domain>}: its CNAME and the key reached. */
    public CompletableFuture<List<DkimSelectorFacts>> dkim(String domain, List<Selector> selectors) {
        List<CompletableFuture<DkimSelectorFacts>> lookups = new ArrayList<>();
        for (Selector s : selectors) {
            lookups.add(dns.aliased(s.name() + "._domainkey." + domain, Type.TXT).thenApply(l -> new DkimSelectorFacts(s.name(),
                    l.status(), l.cname(), l.values().isEmpty() ? null : l.values().get(0), s.expectedCname(), s.providerStatus())));
        }
        return CompletableFuture.allOf(lookups.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> lookups.stream().map(CompletableFuture::join).toList());
    }

    private static InetAddress literal(String ip) {
        return IpLiterals.isValid(ip) ? IpLiterals.parse(ip) : null;
    }
}
