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
import org.exdiag.facts.DnsFacts;
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

    /** What the inbound test came to. */
    private record Inbound(Boolean received, Integer waitedSeconds) {
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
            CompletableFuture<Inbound> inbound = timed("inbound test",
                    mx.thenCompose(lookup -> inbound(lookup, dns, imap, imapLogin, mailbox, pool)),
                    i -> i.received() == null ? "could not check" : i.received() ? "received" : "not received");

            DnsLookup<MxRecord> mxFacts = within(mx, remaining(startNanos), new DnsLookup<>(LookupStatus.TIMEOUT, List.of()));
            DnsLookup<SrvRecord> srvFacts = within(srv, remaining(startNanos), new DnsLookup<>(LookupStatus.TIMEOUT, List.of()));
            OutboundProbe.Result out = within(outbound, remaining(startNanos), new OutboundProbe.Result(
                    new SmtpFacts(settings.smtp().host(), settings.smtp().port(), ConnectResult.TIMEOUT, List.of()), null,
                    "not finished within the diagnostic's time"));
            AuthCheck web = within(webmail, remaining(startNanos), new AuthCheck(AuthResult.ERROR, "not finished in time"));
            AuthCheck imapAuth = within(imapLogin, remaining(startNanos), new AuthCheck(AuthResult.ERROR, "not finished in time"));
            Inbound in = within(inbound, remaining(startNanos), new Inbound(null, null));
            AccountSource.View view = within(provider, remaining(startNanos),
                    new AccountSource.View(null, null, null, null, List.of(new CouldNotCheckFacts("account",
                            "not finished within the diagnostic's time"))));
            return new FactsDocument(FactsDocument.VERSION, mailbox, started, expectation(view),
                    new DnsFacts(mxFacts, srvFacts), view.account(), view.provider(), new AuthFacts(web, imapAuth), out.smtp(),
                    null, null, new TestEmailFacts(out.sent(), in.received(), in.waitedSeconds()), null,
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

    private CompletableFuture<Inbound> inbound(DnsLookup<MxRecord> lookup, DnsProbe dns, ImapProbe imap,
                                               CompletableFuture<AuthCheck> imapLogin, String mailbox, ExecutorService pool) {
        if (lookup.status() != LookupStatus.OK || lookup.records().isEmpty()) {
            // No MX to deliver through: an invalid or unknown MX, which the DNS facts already say.
            return CompletableFuture.completedFuture(new Inbound(lookup.status() == LookupStatus.OK
                    || lookup.status() == LookupStatus.NXDOMAIN || lookup.status() == LookupStatus.NODATA ? false : null, null));
        }
        List<CompletableFuture<List<InetAddress>>> addresses = new ArrayList<>();
        for (MxRecord r : lookup.records()) {
            addresses.add(dns.addresses(r.host()));
        }
        return CompletableFuture.allOf(addresses.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
            List<InboundProbe.Target> targets = new ArrayList<>();
            for (int i = 0; i < lookup.records().size(); i++) {
                targets.add(new InboundProbe.Target(lookup.records().get(i).host(), addresses.get(i).join()));
            }
            String tag = TestMessages.newTag("inbound");
            InboundProbe.Result delivery = new InboundProbe(settings.mxPort(), settings.connectTimeout(), settings.heloName(), settings.addresses())
                    .deliver(mailbox, tag, targets);
            long deliveredAt = System.nanoTime();
            if (!delivery.delivered()) {
                // Refused by every MX host: mail from outside does not get in. Nothing reachable: unknown.
                return new Inbound(delivery.refused() ? false : null, null);
            }
            AuthCheck login = imapLogin.join();
            if (login.result() != AuthResult.OK) {
                return new Inbound(null, null);
            }
            Boolean received = imap.awaitMessage(tag, settings.receiveTimeout());
            int waited = (int) Math.round((System.nanoTime() - deliveredAt) / 1e9);
            return new Inbound(received, received == null ? null : waited);
        }, pool);
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
