package org.exdiag.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a facts document (the current version) section by section, as probes finish: each fills its
 * own part, by name, and what no probe filled stays absent ("not probed"). Not thread-safe: one thread
 * gathers what the probes saw.
 */
public final class FactsBuilder {
    private final String mailbox;
    private final String domain;
    private final Instant collectedAt;
    private Expectation expect;
    private DnsLookup<MxRecord> mx;
    private DnsLookup<SrvRecord> autodiscoverSrv;
    private AutodiscoverHostLookup autodiscoverHost;
    private SpfFacts spf;
    private DnsLookup<String> dmarc;
    private List<DkimSelectorFacts> dkim;
    private AccountFlags account;
    private ProviderDiagnosis provider;
    private AuthCheck webmail;
    private AuthCheck imap;
    private SmtpFacts smtp;
    private InboundFacts inbound;
    private DirectTestFacts directTest;
    private Boolean sent;
    private Boolean received;
    private Integer waitedSeconds;
    private boolean testEmail;
    private final List<CouldNotCheckFacts> couldNotCheck = new ArrayList<>();

    /**
     * @param mailbox the mailbox diagnosed, or null (a domain checked on its own)
     * @param domain  the domain checked, when no mailbox says it
     */
    public FactsBuilder(String mailbox, String domain, Instant collectedAt) {
        this.mailbox = mailbox;
        this.domain = mailbox == null ? domain : null;
        this.collectedAt = collectedAt;
    }

    public FactsBuilder expect(Expectation e) {
        this.expect = e;
        return this;
    }

    public FactsBuilder mx(DnsLookup<MxRecord> l) {
        this.mx = l;
        return this;
    }

    public FactsBuilder autodiscoverSrv(DnsLookup<SrvRecord> l) {
        this.autodiscoverSrv = l;
        return this;
    }

    public FactsBuilder autodiscoverHost(AutodiscoverHostLookup l) {
        this.autodiscoverHost = l;
        return this;
    }

    public FactsBuilder spf(SpfFacts f) {
        this.spf = f;
        return this;
    }

    public FactsBuilder dmarc(DnsLookup<String> l) {
        this.dmarc = l;
        return this;
    }

    /** @param selectors null: not probed (no selector known) */
    public FactsBuilder dkim(List<DkimSelectorFacts> selectors) {
        this.dkim = selectors;
        return this;
    }

    public FactsBuilder account(AccountFlags a) {
        this.account = a;
        return this;
    }

    public FactsBuilder provider(ProviderDiagnosis p) {
        this.provider = p;
        return this;
    }

    public FactsBuilder webmail(AuthCheck c) {
        this.webmail = c;
        return this;
    }

    public FactsBuilder imap(AuthCheck c) {
        this.imap = c;
        return this;
    }

    public FactsBuilder smtp(SmtpFacts s) {
        this.smtp = s;
        return this;
    }

    /** The outbound test: whether the mailbox could send its test email (null: not attempted). */
    public FactsBuilder sent(Boolean s) {
        this.sent = s;
        this.testEmail = true;
        return this;
    }

    /** The inbound test: delivery through the MX, the direct test, and what IMAP saw. */
    public FactsBuilder inbound(InboundFacts delivery, DirectTestFacts direct, Boolean seen, Integer waited) {
        this.inbound = delivery;
        this.directTest = direct;
        this.received = seen;
        this.waitedSeconds = waited;
        this.testEmail = true;
        return this;
    }

    public FactsBuilder couldNotCheck(String part, String reason) {
        couldNotCheck.add(new CouldNotCheckFacts(part, reason));
        return this;
    }

    public FactsBuilder couldNotCheck(List<CouldNotCheckFacts> problems) {
        couldNotCheck.addAll(problems);
        return this;
    }

    public FactsDocument build() {
        boolean anyDns = mx != null || autodiscoverSrv != null || autodiscoverHost != null || spf != null || dmarc != null || dkim != null;
        return new FactsDocument(FactsDocument.VERSION, mailbox, domain, collectedAt, expect,
                anyDns ? new DnsFacts(mx, autodiscoverSrv, autodiscoverHost, spf, dmarc, dkim) : null, account, provider,
                webmail != null || imap != null ? new AuthFacts(webmail, imap) : null, smtp, inbound, directTest,
                testEmail ? new TestEmailFacts(sent, received, waitedSeconds) : null, null,
                couldNotCheck.isEmpty() ? null : List.copyOf(couldNotCheck));
    }
}
