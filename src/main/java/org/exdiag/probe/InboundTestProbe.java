package org.exdiag.probe;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthResult;
import org.exdiag.facts.DirectTestFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.InboundFacts;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MxRecord;

/**
 * The inbound test: deliver a tagged email through the domain's MX hosts, in preference order, recording
 * every attempt; when the MX is not one of the provider's valid hosts for the setup, deliver a second one
 * straight to the first valid host; then look for what was accepted over IMAP. Waits for the MX lookup and
 * the IMAP login. The probe records; the rules decide what a refusal or an unreachable host means.
 */
final class InboundTestProbe extends Probe<InboundTestProbe.Seen> {
    /**
     * @param delivery the delivery through the domain's MX (null: not tried, the MX could not be looked up)
     * @param direct   the second test straight to the provider's MX (null: not made)
     * @param received what IMAP saw of the first (null: not looked for)
     */
    record Seen(InboundFacts delivery, DirectTestFacts direct, Boolean received, Integer waitedSeconds) {
        static final Seen UNKNOWN = new Seen(null, null, null, null);
    }

    private final Probe<DnsLookup<MxRecord>> mx;
    private final Probe<AuthCheck> imapLogin;

    /** @param mx the MX lookup it delivers through; @param imapLogin the login whose session it reads with */
    InboundTestProbe(Probe<DnsLookup<MxRecord>> mx, Probe<AuthCheck> imapLogin) {
        super("inbound test", "inbound");
        this.mx = mx;
        this.imapLogin = imapLogin;
    }

    @Override
    protected CompletableFuture<Seen> start(ProbeRun run) {
        return run.resultOf(mx).thenCompose(lookup -> deliver(lookup, run));
    }

    private CompletableFuture<Seen> deliver(DnsLookup<MxRecord> lookup, ProbeRun run) {
        DiagnosticSettings settings = run.settings();
        boolean noMx = lookup.status() == LookupStatus.NXDOMAIN || lookup.status() == LookupStatus.NODATA
                || lookup.status() == LookupStatus.OK && lookup.records().isEmpty();
        if (!noMx && lookup.status() != LookupStatus.OK) {
            return CompletableFuture.completedFuture(Seen.UNKNOWN); // the MX could not be looked up: nothing to go by
        }
        List<String> valid = settings.validMxHosts().stream().map(Hosts::normalize).toList();
        boolean mxValid = !noMx && lookup.records().stream().allMatch(r -> valid.contains(Hosts.normalize(r.host())));
        String directHost = mxValid || valid.isEmpty() ? null : valid.get(0);
        List<CompletableFuture<List<InetAddress>>> addresses = new ArrayList<>();
        for (MxRecord r : lookup.records()) {
            addresses.add(run.dns().addresses(r.host()));
        }
        CompletableFuture<List<InetAddress>> directAddresses = directHost == null ? CompletableFuture.completedFuture(List.of())
                : run.dns().addresses(directHost);
        List<CompletableFuture<?>> all = new ArrayList<>(addresses);
        all.add(directAddresses);
        CompletableFuture<AuthCheck> login = run.resultOf(imapLogin);
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
            List<InboundProbe.Target> targets = new ArrayList<>();
            for (int i = 0; i < lookup.records().size(); i++) {
                targets.add(new InboundProbe.Target(lookup.records().get(i).host(), addresses.get(i).join()));
            }
            InboundProbe probe = new InboundProbe(settings.mxPort(), settings.connectTimeout(), settings.heloName(), settings.addresses());
            String tag = TestMessages.newTag("inbound");
            InboundProbe.Result delivery = probe.deliver(run.mailbox(), tag, targets, "inbound test, delivered through the MX");
            String directTag = TestMessages.newTag("direct");
            InboundProbe.Result direct = directHost == null ? null : probe.deliver(run.mailbox(), directTag,
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
            Map<String, Duration> found = awaited.isEmpty() || login.join().result() != AuthResult.OK ? null
                    : run.imap().awaitMessages(awaited, settings.receiveTimeout());
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
            return new Seen(new InboundFacts(delivery.attempts(), delivery.accepted()), directFacts, received, receivedWait);
        }, run.pool());
    }

    private static int seconds(Duration d) {
        return (int) Math.round(d.toMillis() / 1000.0);
    }

    @Override
    protected Seen notFinished(ProbeRun run) {
        return Seen.UNKNOWN;
    }

    @Override
    protected void fill(FactsBuilder facts, Seen seen, ProbeRun run) {
        facts.inbound = seen.delivery();
        facts.directTest = seen.direct();
        facts.received = seen.received();
        facts.waitedSeconds = seen.waitedSeconds();
        facts.testEmailProbed = true;
    }

    /** What the inbound test came to, in a few words. */
    @Override
    protected String outcome(Seen i) {
        if (i.delivery() == null) {
            return "could not check";
        }
        String delivered = i.delivery().accepted() ? i.received() == null ? "delivered, not looked for"
                : i.received() ? "received" : "not received" : "not delivered";
        return i.direct() == null ? delivered : delivered + "; straight to " + i.direct().host() + ": "
                + (Boolean.TRUE.equals(i.direct().received()) ? "received" : Boolean.TRUE.equals(i.direct().accepted()) ? "not received" : "not delivered");
    }
}
