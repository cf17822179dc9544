package org.exdiag.probe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.MxRecord;
import org.exdiag.facts.SrvRecord;

/**
 * A live diagnostic: runs every probe at once ({@link Probe}: each with its own timeout and what it says
 * when it cannot finish), the whole bounded by the overall timeout, and gathers what they saw into a facts
 * document. A probe that cannot finish yields "could not check" facts (timeout, error), never a verdict.
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

    /** The facts of the mailbox (the current version), what could not be checked included. */
    public FactsDocument run(String mailbox, Secret password) throws ProbeException {
        FactsBuilder facts = new FactsBuilder(mailbox, null, clock.instant());
        String domain = mailbox.substring(mailbox.lastIndexOf('@') + 1);
        try (ProbeRun run = new ProbeRun(settings, mailbox, domain, password, progress)) {
            run.gather(probes(), facts, settings.overallTimeout());
        }
        return facts.build();
    }

    /** The probes of a mailbox's diagnostic, each after those it waits for. */
    private List<Probe<?>> probes() {
        AccountProbe account = new AccountProbe(accountSource);
        Probe<DnsLookup<MxRecord>> mx = DnsRecordProbe.mx();
        Probe<AuthCheck> imapLogin = new ImapLoginProbe();
        Probe<DnsLookup<SrvRecord>> srv = DnsRecordProbe.autodiscoverSrv();
        List<Probe<?>> probes = new ArrayList<>(List.of(account, mx, srv, OutboundProbe.of(settings)));
        if (settings.webmail() != null) {
            probes.add(new WebmailProbe(settings.webmail(), settings.connectTimeout()));
        }
        probes.addAll(List.of(imapLogin, DnsRecordProbe.autodiscoverHost(), DnsRecordProbe.dmarc(), DnsRecordProbe.spf(),
                DnsRecordProbe.dkim(account), new SendingIpProbe(), new InboundTestProbe(mx, imapLogin), new WildcardProbe(), new ClientProbe(srv, clock)));
        return probes;
    }
}
