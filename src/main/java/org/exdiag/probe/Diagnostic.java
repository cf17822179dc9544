package org.exdiag.probe;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthFacts;
import org.exdiag.facts.AuthResult;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DirectTestFacts;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.SpfFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.InboundFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.SmtpFacts;
import org.exdiag.facts.SrvRecord;
import org.exdiag.facts.TestEmailFacts;

/**
 * A live diagnostic: runs every probe at once, each with its own timeout, the whole bounded by the
 * overall timeout, and turns what they saw into a facts document. A probe that cannot finish yields
 * "could not check" facts (timeout, error, null), never a verdict.
 */
public final class Diagnostic {
    private final DiagnosticSettings settings;
    private final AccountSource accountSource;
    private final ProgressListener progress;
    private final Clock clock;

    public Diagnostic(DiagnosticSettings settings, AccountSource accountSource, ProgressListener progress, Clock clock) {
        this.settings = settings;
        this.accountSource = accountSource;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * What the inbound test came to: the delivery through the domain's MX (null: not tried, the MX could not
     * be looked up), the second test straight to the provider's MX (null: not made), and what IMAP saw.
     */
    private record Inbound(InboundFacts delivery, DirectTestFacts direct, Boolean received, Integer waitedSeconds) {
        static final Inbound UNKNOWN = new Inbound(null, null, null, null);
    }

    /** The facts of the mailbox (version 2), what could not be checked included. */
    public FactsDocument run(String mailbox, Secret password) throws ProbeException {
        Instant started = clock.instant();
        long startNanos = System.nanoTime();
        String domain = mailbox.substring(mailbox.lastIndexOf('@') + 1);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "exdiag-probe");
            t.setDaemon(true);
            return t;
        });
        DnsProbe dns = new DnsProbe(settings.dns(), settings.dnsTimeout());
        ImapProbe imap = new ImapProbe(settings.imap(), settings.imapTls(), settings.connectTimeout());
        try {
            CompletableFuture<AccountSource.View> provider = accountSource == null
                    ? CompletableFuture.completedFuture(new AccountSource.View(null, null, null, null, List.of()))
                    : timed("account and provider", async(pool, () -> fetchAccount(mailbox, password)),
                            v -> v.problems().isEmpty() ? "ok" : "could not check: " + v.problems().stream()
                                    .map(CouldNotCheckFacts::reason).collect(java.util.stream.Collectors.joining("; ")));
            CompletableFuture<DnsLookup<MxRecord>> mx = timed("dns mx", dns.mx(domain), l -> l.status().wire());
            CompletableFuture<DnsLookup<SrvRecord>> srv = timed("dns autodiscover srv", dns.autodiscoverSrv(domain),
                    l -> l.status().wire());
            CompletableFuture<OutboundProbe.Result> outbound = timed("outbound test", async(pool, () ->
                    new OutboundProbe(settings.smtp(), settings.smtpTls(), settings.connectTimeout(), settings.heloName())
                            .send(mailbox, password)), r -> r.sent() ? "sent" : "not sent (" + r.failure() + ")");
            CompletableFuture<AuthCheck> webmail = settings.webmail() == null ? CompletableFuture.completedFuture(null)
                    : timed("webmail login", async(pool, () -> new WebmailProbe(settings.webmail(), settings.connectTimeout())
                            .check(mailbox, password)), c -> c.result().wire() + " (" + c.detail() + ")");
            CompletableFuture<AuthCheck> imapLogin = timed("imap login", async(pool, () -> imap.login(mailbox, password)),
                    c -> c.result().wire());
            DomainRecordsProbe records = new DomainRecordsProbe(dns, pool);
            CompletableFuture<AutodiscoverHostLookup> autodiscoverHost = timed("dns autodiscover host",
                    records.autodiscoverHost(domain), l -> l.status().wire() + (l.cname() == null ? "" : " (CNAME " + l.cname() + ")"));
            CompletableFuture<DnsLookup<String>> dmarc = timed("dns dmarc", records.dmarc(domain), l -> l.status().wire());
            CompletableFuture<List<InetAddress>> senders = records.senders(settings.expect(), settings.spfDomains());
            CompletableFuture<SpfFacts> spf = timed("dns spf", senders.thenCompose(ips -> records.spf(domain, ips)),
                    f -> f.status().wire() + (f.error() == null ? "" : " (" + f.error() + ")"));
            CompletableFuture<List<DkimSelectorFacts>> dkim = timed("dns dkim", provider.thenCompose(view -> {
                List<DomainRecordsProbe.Selector> selectors = view.dkim() != null ? view.dkim()
                        : settings.dkimSelectors().isEmpty() ? null
                        : settings.dkimSelectors().stream().map(n -> new DomainRecordsProbe.Selector(n, null, null)).toList();
                return selectors == null ? CompletableFuture.completedFuture(null) : records.dkim(domain, selectors);
            }), l -> l == null ? "no selector known" : l.size() + " selector" + (l.size() == 1 ? "" : "s"));
            CompletableFuture<Inbound> inbound = timed("inbound test",
                    mx.thenCompose(lookup -> inbound(lookup, dns, imap, imapLogin, mailbox, pool)), Diagnostic::describe);

            DnsLookup<MxRecord> mxFacts = within(mx, remaining(startNanos), new DnsLookup<>(LookupStatus.TIMEOUT, List.of()));
            DnsLookup<SrvRecord> srvFacts = within(srv, remaining(startNanos), new DnsLookup<>(LookupStatus.TIMEOUT, List.of()));
            OutboundProbe.Result out = within(outbound, remaining(startNanos), new OutboundProbe.Result(
                    new SmtpFacts(settings.smtp().host(), settings.smtp().port(), ConnectResult.TIMEOUT, List.of()), null,
                    "not finished within the diagnostic's time"));
            AuthCheck web = within(webmail, remaining(startNanos), new AuthCheck(AuthResult.ERROR, "not finished in time"));
            AuthCheck imapAuth = within(imapLogin, remaining(startNanos), new AuthCheck(AuthResult.ERROR, "not finished in time"));
            Inbound in = within(inbound, remaining(startNanos), Inbound.UNKNOWN);
            AutodiscoverHostLookup hostFacts = within(autodiscoverHost, remaining(startNanos),
                    new AutodiscoverHostLookup(LookupStatus.TIMEOUT, null, List.of()));
            DnsLookup<String> dmarcFacts = within(dmarc, remaining(startNanos), new DnsLookup<>(LookupStatus.TIMEOUT, List.of()));
            SpfFacts spfFacts = within(spf, remaining(startNanos), new SpfFacts(LookupStatus.TIMEOUT, List.of(), null, null, null, List.of()));
            List<DkimSelectorFacts> dkimFacts = within(dkim, remaining(startNanos), null);
            AccountSource.View view = within(provider, remaining(startNanos),
                    new AccountSource.View(null, null, null, null, List.of(new CouldNotCheckFacts("account",
                            "not finished within the diagnostic's time"))));
            return new FactsDocument(FactsDocument.VERSION, mailbox, null, started, expectation(view),
                    new DnsFacts(mxFacts, srvFacts, hostFacts, spfFacts, dmarcFacts, dkimFacts), view.account(), view.provider(),
                    new AuthFacts(web, imapAuth), out.smtp(),
                    in.delivery(), in.direct(), new TestEmailFacts(out.sent(), in.received(), in.waitedSeconds()), null,
                    view.problems().isEmpty() ? null : view.problems());
        } finally {
            imap.close();
            pool.shutdownNow();
        }
    }

    private AccountSource.View fetchAccount(String mailbox, Secret password) {
        try {
            return accountSource.fetch(mailbox, password);
        } catch (ProbeException e) {
            return new AccountSource.View(null, null, null, null, List.of(new CouldNotCheckFacts("account", e.getMessage())));
        }
    }

    /** What the user said about the setup, completed by what the provider says (the user wins). */
    private org.exdiag.facts.Expectation expectation(AccountSource.View view) {
        org.exdiag.facts.Expectation given = settings.expect();
        if (view.offer() == null || settings.offerGiven()) {
            return given;
        }
        String privateHost = view.offer() == org.exdiag.facts.Offer.PRIVATE ? view.host() : null;
        return new org.exdiag.facts.Expectation(view.offer(), given.mailSetup(), privateHost);
    }

    /**
     * The inbound test: deliver through the domain's MX hosts, in preference order, recording every attempt;
     * when the MX is not one of the provider's valid hosts for the setup, deliver a second test straight to
     * the first valid one; then look for what was accepted over IMAP. The probe records; the rules decide
     * what a refusal or an unreachable host means.
     */
    private CompletableFuture<Inbound> inbound(DnsLookup<MxRecord> lookup, DnsProbe dns, ImapProbe imap,
                                               CompletableFuture<AuthCheck> imapLogin, String mailbox, ExecutorService pool) {
        boolean noMx = lookup.status() == LookupStatus.NXDOMAIN || lookup.status() == LookupStatus.NODATA
                || lookup.status() == LookupStatus.OK && lookup.records().isEmpty();
        if (!noMx && lookup.status() != LookupStatus.OK) {
            return CompletableFuture.completedFuture(Inbound.UNKNOWN); // the MX could not be looked up: nothing to go by
        }
        List<String> valid = settings.validMxHosts().stream().map(Hosts::normalize).toList();
        boolean mxValid = !noMx && lookup.records().stream().allMatch(r -> valid.contains(Hosts.normalize(r.host())));
        String directHost = mxValid || valid.isEmpty() ? null : valid.get(0);
        List<CompletableFuture<List<InetAddress>>> addresses = new ArrayList<>();
        for (MxRecord r : lookup.records()) {
            addresses.add(dns.addresses(r.host()));
        }
        CompletableFuture<List<InetAddress>> directAddresses = directHost == null ? CompletableFuture.completedFuture(List.of())
                : dns.addresses(directHost);
        List<CompletableFuture<?>> all = new ArrayList<>(addresses);
        all.add(directAddresses);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
            List<InboundProbe.Target> targets = new ArrayList<>();
            for (int i = 0; i < lookup.records().size(); i++) {
                targets.add(new InboundProbe.Target(lookup.records().get(i).host(), addresses.get(i).join()));
            }
            InboundProbe probe = new InboundProbe(settings.mxPort(), settings.connectTimeout(), settings.heloName(), settings.addresses());
            String tag = TestMessages.newTag("inbound");
            InboundProbe.Result delivery = probe.deliver(mailbox, tag, targets, "inbound test, delivered through the MX");
            String directTag = TestMessages.newTag("direct");
            InboundProbe.Result direct = directHost == null ? null : probe.deliver(mailbox, directTag,
                    List.of(new InboundProbe.Target(directHost, directAddresses.join())),
                    "second test, delivered straight to the provider's MX");
            long deliveredAt = System.nanoTime();
            List<String> awaited = new ArrayList<>();
            if (delivery.accepted()) {
                awaited.add(tag);
            }
            if (direct != null && direct.accepted()) {
                awaited.add(directTag);
            }
            java.util.Map<String, Duration> found = awaited.isEmpty() || imapLogin.join().result() != AuthResult.OK ? null
                    : imap.awaitMessages(awaited, settings.receiveTimeout());
            int waited = (int) Math.round((System.nanoTime() - deliveredAt) / 1e9);
            Boolean received = null;
            Integer receivedWait = null;
            if (delivery.accepted() && found != null) {
                received = found.get(tag) != null;
                receivedWait = received ? seconds(found.get(tag)) : waited;
            }
            DirectTestFacts directFacts = null;
            if (direct != null) {
                Boolean directReceived = direct.accepted() && found != null ? found.get(directTag) != null : null;
                directFacts = new DirectTestFacts(directHost, direct.attempts(), direct.accepted(), directReceived,
                        Boolean.TRUE.equals(directReceived) ? seconds(found.get(directTag)) : directReceived == null ? null : waited);
            }
            return new Inbound(new InboundFacts(delivery.attempts(), delivery.accepted()), directFacts, received, receivedWait);
        }, pool);
    }

    private static int seconds(Duration d) {
        return (int) Math.round(d.toMillis() / 1000.0);
    }

    /** One progress line: what the inbound test came to, in a few words. */
    private static String describe(Inbound i) {
        if (i.delivery() == null) {
            return "could not check";
        }
        String delivered = i.delivery().accepted() ? i.received() == null ? "delivered, not looked for"
                : i.received() ? "received" : "not received" : "not delivered";
        return i.direct() == null ? delivered : delivered + "; straight to " + i.direct().host() + ": "
                + (Boolean.TRUE.equals(i.direct().received()) ? "received" : Boolean.TRUE.equals(i.direct().accepted()) ? "not received" : "not delivered");
    }

    private long remaining(long startNanos) {
        return Math.max(0, settings.overallTimeout().toNanos() - (System.nanoTime() - startNanos));
    }

    private static <T> T within(CompletableFuture<T> future, long nanos, T fallback) {
        try {
            return future.completeOnTimeout(fallback, nanos, TimeUnit.NANOSECONDS).join();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private static <T> CompletableFuture<T> async(ExecutorService pool, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    private <T> CompletableFuture<T> timed(String name, CompletableFuture<T> future, java.util.function.Function<T, String> outcome) {
        long start = System.nanoTime();
        return future.whenComplete((value, error) -> progress.finished(name,
                error != null ? "failed: " + Failures.describe(error) : outcome.apply(value),
                Duration.ofNanos(System.nanoTime() - start)));
    }
}
