package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * What the probes saw for one mailbox (facts file, versions 1 and 2). Every section is optional:
 * a missing section means "not probed". Never holds a password. Version 2 adds {@code inbound},
 * {@code directTest}, {@code bounces}, {@code couldNotCheck}, the domain records under {@code dns}
 * and {@code account.mailboxQuota}; a version 1 document that uses them is refused, so that a v1
 * document always means what it meant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "mailbox", "collectedAt", "expect", "dns", "account", "provider", "auth", "smtp",
        "inbound", "directTest", "testEmail", "bounces", "couldNotCheck"})
public record FactsDocument(Integer version, String mailbox, Instant collectedAt, Expectation expect, DnsFacts dns,
                            AccountFlags account, ProviderDiagnosis provider, AuthFacts auth, SmtpFacts smtp,
                            InboundFacts inbound, DirectTestFacts directTest, TestEmailFacts testEmail,
                            List<BounceFacts> bounces, List<CouldNotCheckFacts> couldNotCheck) {
    /** The version writers write. */
    public static final int VERSION = 2;
    private static final String KNOWN = "this reader knows versions 1 and 2";

    public FactsDocument {
        if (version == null) {
            throw new InvalidFactException("version", "is required (" + KNOWN + ")");
        }
        if (version != 1 && version != 2) {
            throw new InvalidFactException("version", "unsupported version " + version + " (" + KNOWN + ")");
        }
        Checks.required("mailbox", mailbox);
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1 || mailbox.length() > 320 || mailbox.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidFactException("mailbox", "is not an email address: " + Hosts.quoteForError(mailbox));
        }
        Checks.hostName("mailbox", mailbox.substring(at + 1));
        bounces = bounces == null ? null : Checks.copyOrEmpty(bounces);
        couldNotCheck = couldNotCheck == null ? null : Checks.copyOrEmpty(couldNotCheck);
        if (version == 1) {
            refuseInVersion1("inbound", inbound);
            refuseInVersion1("directTest", directTest);
            refuseInVersion1("bounces", bounces);
            refuseInVersion1("couldNotCheck", couldNotCheck);
            refuseInVersion1("account.mailboxQuota", account == null ? null : account.mailboxQuota());
            if (dns != null && dns.hasVersion2Sections()) {
                throw new InvalidFactException("dns", "autodiscoverHost, spf, dmarc and dkim need version 2");
            }
        }
    }

    /** A version 2 document with the sections version 1 knows. */
    public FactsDocument(String mailbox, Instant collectedAt, Expectation expect, DnsFacts dns, AccountFlags account,
                         ProviderDiagnosis provider, AuthFacts auth, SmtpFacts smtp, TestEmailFacts testEmail) {
        this(VERSION, mailbox, collectedAt, expect, dns, account, provider, auth, smtp, null, null, testEmail, null, null);
    }

    private static void refuseInVersion1(String field, Object value) {
        if (value != null) {
            throw new InvalidFactException(field, "needs version 2");
        }
    }

    /** The part after '@'. */
    public String domain() {
        return mailbox.substring(mailbox.lastIndexOf('@') + 1);
    }

    public List<BounceFacts> bouncesOrEmpty() {
        return bounces == null ? List.of() : bounces;
    }

    public List<CouldNotCheckFacts> couldNotCheckOrEmpty() {
        return couldNotCheck == null ? List.of() : couldNotCheck;
    }

    /**
     * With the domain's records ({@code dns.spf}, {@code dmarc}, {@code dkim}, {@code autodiscoverHost})
     * taken from {@code looked} where this document has none: what was saved wins.
     */
    public FactsDocument withDomainRecords(DnsFacts looked) {
        DnsFacts mine = dns == null ? new DnsFacts(null, null, null, null, null, null) : dns;
        DnsFacts merged = new DnsFacts(mine.mx(), mine.autodiscoverSrv(),
                mine.autodiscoverHost() != null ? mine.autodiscoverHost() : looked.autodiscoverHost(),
                mine.spf() != null ? mine.spf() : looked.spf(), mine.dmarc() != null ? mine.dmarc() : looked.dmarc(),
                mine.dkim() != null ? mine.dkim() : looked.dkim());
        return new FactsDocument(VERSION, mailbox, collectedAt, expect, merged, account, provider, auth, smtp, inbound,
                directTest, testEmail, bounces, couldNotCheck);
    }

    public FactsDocument withBounces(List<BounceFacts> more) {
        List<BounceFacts> all = new java.util.ArrayList<>(bouncesOrEmpty());
        all.addAll(more);
        return new FactsDocument(VERSION, mailbox, collectedAt, expect, dns, account, provider, auth, smtp, inbound,
                directTest, testEmail, List.copyOf(all), couldNotCheck);
    }
}
