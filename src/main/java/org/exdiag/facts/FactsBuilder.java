package org.exdiag.facts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A facts document (the current version) gathered section by section, as probes finish: each sets its
 * own fields, and what no probe set stays absent ("not probed"). A bag of fields, not thread-safe: one
 * thread gathers what the probes saw, then {@link #build()}.
 */
public final class FactsBuilder {
    private final String mailbox;
    private final String domain;
    private final Instant collectedAt;
    public Expectation expect;
    /** What Outlook goes through ({@code client}): each null when not probed; all null, no client section. */
    public Boolean wildcard;
    public ClientFacts.Autodiscover autodiscover;
    public ClientFacts.Ews ews;
    public DnsLookup<MxRecord> mx;
    public DnsLookup<SrvRecord> autodiscoverSrv;
    public AutodiscoverHostLookup autodiscoverHost;
    public SpfFacts spf;
    public DnsLookup<String> dmarc;
    /** Null: not probed (no selector known). */
    public List<DkimSelectorFacts> dkim;
    public AccountFlags account;
    public ProviderDiagnosis provider;
    public AuthCheck webmail;
    public AuthCheck imap;
    public SmtpFacts smtp;
    public InboundFacts inbound;
    public DirectTestFacts directTest;
    /** The test email's part: set by the outbound and inbound tests, which make it present. */
    public Boolean sent;
    public Boolean received;
    public Integer waitedSeconds;
    public boolean testEmailProbed;
    /** Null: not probed (no address known to send from). */
    public List<SendingIpFacts> sendingIp;
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

    public void couldNotCheck(String part, String reason) {
        couldNotCheck.add(new CouldNotCheckFacts(part, reason));
    }

    public void couldNotCheck(List<CouldNotCheckFacts> problems) {
        couldNotCheck.addAll(problems);
    }

    public FactsDocument build() {
        boolean anyDns = mx != null || autodiscoverSrv != null || autodiscoverHost != null || spf != null || dmarc != null || dkim != null;
        ClientFacts client = wildcard == null && autodiscover == null && ews == null ? null
                : new ClientFacts(wildcard, autodiscover, ews);
        return new FactsDocument(FactsDocument.VERSION, mailbox, domain, client, collectedAt, expect,
                anyDns ? new DnsFacts(mx, autodiscoverSrv, autodiscoverHost, spf, dmarc, dkim) : null, account, provider,
                webmail != null || imap != null ? new AuthFacts(webmail, imap) : null, smtp, inbound, directTest,
                testEmailProbed ? new TestEmailFacts(sent, received, waitedSeconds) : null,
                sendingIp == null ? null : List.copyOf(sendingIp), null,
                couldNotCheck.isEmpty() ? null : List.copyOf(couldNotCheck));
    }
}
