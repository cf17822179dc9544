package org.exdiag.sweep;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.exdiag.Expertise;
import org.exdiag.engine.AnalysisException;
import org.exdiag.expected.ExpectedValues;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.DnsRecordProbe;
import org.exdiag.probe.Probe;
import org.exdiag.probe.ProbeRun;
import org.exdiag.probe.SendingIpProbe;
import org.exdiag.probe.WildcardProbe;
import org.exdiag.report.Report;

/**
 * One domain of a sweep: the DNS probes of {@code diagnose} that need no mailbox (MX, autodiscover SRV
 * and host, SPF evaluated, DMARC, DKIM for the selectors given, the wildcard check, and for a Private
 * Exchange domain its server's sending address: PTR and block lists), run on the sweep's
 * shared DNS and pool, then the same rules. Facts v3 with {@code mailbox} null and {@code domain} set.
 * Thread-safe: many domains are checked at once.
 */
final class DomainCheck {
    private final Expertise expertise;
    private final Language language;
    private final SweepDns dns;
    private final ExecutorService pool;
    private final DiagnosticSettings base;
    private final Duration bound;
    private final Clock clock;

    DomainCheck(Expertise expertise, Language language, SweepDns dns, ExecutorService pool, Duration bound, Clock clock) {
        this.expertise = expertise;
        this.language = language;
        this.dns = dns;
        this.pool = pool;
        this.bound = bound;
        this.clock = clock;
        ExpectedValues expected = expertise.rules().expectedValues();
        this.base = DiagnosticSettings.defaults().with(b -> {
            b.spfDomains = expected.spfDomains();
            b.blockLists = expected.blockLists();
        });
    }

    SweepOutcome check(SweepItem item) {
        if (item.target() == null) {
            return SweepOutcome.failed(item.source(), null, item.error());
        }
        SweepTarget target = item.target();
        String domain = target.domain();
        Expectation expect = target.expect();
        FactsBuilder facts = new FactsBuilder(null, domain, clock.instant());
        facts.expect = expect.offer() == null && expect.mailSetup() == null && expect.privateHost() == null ? null : expect;
        DiagnosticSettings settings = base.with(b -> b.expect = expect);
        try (ProbeRun run = new ProbeRun(settings, domain, dns.probeFor(domain), pool)) {
            run.gather(probes(target.dkimSelectors()), facts, bound);
        }
        FactsDocument doc = facts.build();
        try {
            Report report = expertise.report(doc, language);
            return SweepOutcome.checked(item.source(), domain, doc, report);
        } catch (AnalysisException e) {
            return SweepOutcome.failed(item.source(), domain, "the rules failed on this domain: " + e.getMessage());
        }
    }

    private static List<Probe<?>> probes(List<String> selectors) {
        return List.of(DnsRecordProbe.mx(), DnsRecordProbe.autodiscoverSrv(), DnsRecordProbe.autodiscoverHost(),
                DnsRecordProbe.spf(), DnsRecordProbe.dmarc(), DnsRecordProbe.dkim(selectors), new WildcardProbe(),
                new SendingIpProbe());
    }
}
