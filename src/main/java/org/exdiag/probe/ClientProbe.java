package org.exdiag.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.ClientFacts.Attempt;
import org.exdiag.facts.ClientFacts.Autodiscover;
import org.exdiag.facts.ClientFacts.Ews;
import org.exdiag.facts.ClientFacts.Result;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.EwsLogin;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.SrvRecord;
import org.exdiag.probe.client.RawHttp;

/**
 * What Outlook and phones go through to find and reach the mailbox (facts v3 {@code client}): the
 * autodiscover attempts in Outlook's order ({@link AutodiscoverWalk}, each way at once, recorded in order),
 * the attempt Outlook would take its settings from, then an authenticated request to the EWS URL it gave.
 * Waits for the autodiscover SRV probe's answer for the SRV way. Records only: the rules judge. The
 * wildcard check is another probe's ({@code client.wildcard}).
 */
public final class ClientProbe extends Probe<ClientProbe.Seen> {
    private final Probe<DnsLookup<SrvRecord>> srv;
    private final Clock clock;

    /** What the probe saw; {@code finished} false when it ran out of time (could not check). */
    public record Seen(Autodiscover autodiscover, Ews ews, boolean finished) {
    }

    /** @param srv the autodiscover SRV probe of the same run (started before this one) */
    public ClientProbe(Probe<DnsLookup<SrvRecord>> srv, Clock clock) {
        super("client autodiscover", "client");
        this.srv = srv;
        this.clock = clock;
    }

    @Override
    protected CompletableFuture<Seen> start(ProbeRun run) {
        ClientSettings client = run.settings().client();
        if (client == null || run.mailbox() == null) {
            return CompletableFuture.completedFuture(null);
        }
        ClientHttp http = new ClientHttp(run, client, clock);
        AutodiscoverWalk walk = new AutodiscoverWalk(http, client, run.domain(), run.mailbox());
        List<CompletableFuture<List<Attempt>>> ways = List.of(walk.rootDomain(), walk.autodiscoverHost(), walk.httpRedirect(),
                run.resultOf(srv).thenCompose(walk::srv));
        return CompletableFuture.allOf(ways.toArray(CompletableFuture[]::new)).thenCompose(done -> {
            List<Attempt> attempts = new ArrayList<>();
            ways.forEach(w -> attempts.addAll(w.join()));
            Result result = AutodiscoverWalk.result(attempts);
            Autodiscover autodiscover = new Autodiscover(attempts, result);
            return ews(http, result).thenApply(ews -> new Seen(autodiscover, ews, true));
        });
    }

    /** An authenticated GET of the EWS URL (credentials only where they may go); null: no URL to try. */
    private static CompletableFuture<Ews> ews(ClientHttp http, Result result) {
        if (result == null || result.ewsUrl() == null) {
            return CompletableFuture.completedFuture(null);
        }
        URI url;
        try {
            url = new URI(result.ewsUrl());
        } catch (URISyntaxException e) {
            return CompletableFuture.completedFuture(null);
        }
        return http.send(url, "GET", null, true, AddressPolicy.ANY).thenApply(sent -> {
            RawHttp.Outcome o = sent.outcome();
            return new Ews(result.ewsUrl(), o.connect(), o.tls(), o.http(), login(o));
        });
    }

    /** 2xx: ok; 401 to the password: rejected; another answer to it: error; no password sent: not tried. */
    static EwsLogin login(RawHttp.Outcome o) {
        if (!o.credentialsSent() || o.connect() != ConnectResult.OK) {
            return null;
        }
        if (o.http() == null) {
            return EwsLogin.ERROR;
        }
        int status = o.http().status();
        return status >= 200 && status < 300 ? EwsLogin.OK : status == 401 ? EwsLogin.REJECTED : EwsLogin.ERROR;
    }

    /** A failure is listed as could-not-check "error" by the run: nothing more to add. */
    @Override
    protected Seen failed(ProbeRun run) {
        return new Seen(null, null, true);
    }

    @Override
    protected Seen notFinished(ProbeRun run) {
        return new Seen(null, null, false);
    }

    @Override
    protected void fill(FactsBuilder facts, Seen seen, ProbeRun run) {
        if (seen == null) {
            return;
        }
        if (!seen.finished()) {
            facts.couldNotCheck(part(), "timeout");
            return;
        }
        facts.autodiscover = seen.autodiscover();
        facts.ews = seen.ews();
    }

    @Override
    protected String outcome(Seen seen) {
        if (seen == null) {
            return "not probed";
        }
        if (seen.autodiscover() == null) {
            return "not finished";
        }
        Result r = seen.autodiscover().result();
        return seen.autodiscover().attempts().size() + " attempts, " + (r == null ? "no settings" : "settings from " + r.method().wire())
                + (seen.ews() == null ? "" : ", ews " + (seen.ews().login() == null ? seen.ews().connect().wire() : seen.ews().login().wire()));
    }
}
