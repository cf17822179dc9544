package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * What the probes saw for one mailbox or domain (facts file, versions 1 to 3). Every section is optional:
 * a missing section means "not probed". Never holds a password. Version 2 adds {@code inbound},
 * {@code directTest}, {@code bounces}, {@code couldNotCheck}, the domain records under {@code dns}
 * and {@code account.mailboxQuota}; version 3 adds {@code domain}, a {@code mailbox} that may be null
 * (bounces that name no address of the customer's, domain sweeps), {@code client} (what Outlook goes
 * through), {@code sendingIp} (the addresses mail
 * leaves from, as receivers see them) and each bounce's {@code kind} and {@code status}. An older document that uses a newer field is refused, naming it, so that a document
 * always means what it meant.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "mailbox", "domain", "client", "collectedAt", "expect", "dns", "account", "provider", "auth", "smtp",
        "inbound", "directTest", "testEmail", "sendingIp", "bounces", "couldNotCheck"})
public record FactsDocument(Integer version, @JsonInclude(JsonInclude.Include.ALWAYS) String mailbox, String domain,
                            ClientFacts client, Instant collectedAt, Expectation expect, DnsFacts dns,
                            AccountFlags account, ProviderDiagnosis provider, AuthFacts auth, SmtpFacts smtp,
                            InboundFacts inbound, DirectTestFacts directTest, TestEmailFacts testEmail,
                            List<SendingIpFacts> sendingIp, List<BounceFacts> bounces, List<CouldNotCheckFacts> couldNotCheck) {
    /** The version writers write. */
    public static final int VERSION = 3;
    private static final String KNOWN = "this reader knows versions 1, 2 and 3";

    public FactsDocument {
        if (version == null) {
            throw new InvalidFactException("version", "is required (" + KNOWN + ")");
        }
        if (version < 1 || version > 3) {
            throw new InvalidFactException("version", "unsupported version " + version + " (" + KNOWN + ")");
        }
        if (mailbox != null || version < 3) {
            Checks.required("mailbox", mailbox);
            int at = mailbox.lastIndexOf('@');
            if (at <= 0 || at == mailbox.length() - 1 || mailbox.length() > 320 || mailbox.chars().anyMatch(c -> c <= ' ')) {
                throw new InvalidFactException("mailbox", "is not an email address: " + Hosts.quoteForError(mailbox));
            }
            Checks.hostName("mailbox", mailbox.substring(at + 1));
        }
        Checks.hostName("domain", domain);
        if (domain != null && mailbox != null && !Hosts.normalize(domain).equals(Hosts.normalize(mailbox.substring(mailbox.lastIndexOf('@') + 1)))) {
            throw new InvalidFactException("domain", "is not the mailbox's domain: " + Hosts.quoteForError(domain));
        }
        bounces = bounces == null ? null : Checks.copyOrEmpty(bounces);
        sendingIp = sendingIp == null ? null : Checks.copyOrEmpty(sendingIp);
        couldNotCheck = couldNotCheck == null ? null : Checks.copyOrEmpty(couldNotCheck);
        if (version == 1) {
            refuseBefore(2, "inbound", inbound);
            refuseBefore(2, "directTest", directTest);
            refuseBefore(2, "bounces", bounces);
            refuseBefore(2, "couldNotCheck", couldNotCheck);
            refuseBefore(2, "account.mailboxQuota", account == null ? null : account.mailboxQuota());
            if (dns != null && dns.hasVersion2Sections()) {
                throw new InvalidFactException("dns", "autodiscoverHost, spf, dmarc and dkim need version 2");
            }
        }
        if (version < 3) {
            refuseBefore(3, "domain", domain);
            refuseBefore(3, "sendingIp", sendingIp);
            refuseBefore(3, "client", client);
            List<SpfCheck> spfChecks = dns == null || dns.spf() == null ? List.of() : dns.spf().checks();
            for (int i = 0; i < spfChecks.size(); i++) {
                refuseBefore(3, "dns.spf.checks[" + i + "].explanation", spfChecks.get(i).explanation());
            }
            List<BounceFacts> all = bounces == null ? List.of() : bounces;
            for (int i = 0; i < all.size(); i++) {
                BounceFacts b = all.get(i);
                refuseBefore(3, "bounces[" + i + "].kind", b.kind());
                refuseBefore(3, "bounces[" + i + "].status", b.status());
            }
        }
    }

    /** A version 2 document with the sections version 1 knows. */
    public FactsDocument(String mailbox, Instant collectedAt, Expectation expect, DnsFacts dns, AccountFlags account,
                         ProviderDiagnosis provider, AuthFacts auth, SmtpFacts smtp, TestEmailFacts testEmail) {
        this(VERSION, mailbox, null, null, collectedAt, expect, dns, account, provider, auth, smtp, null, null, testEmail, null, null, null);
    }

    /** A document holding only bounces, for {@code mailbox} (null when the bounces name no address of the customer's). */
    public static FactsDocument ofBounces(String mailbox, Instant collectedAt, List<BounceFacts> bounces) {
        return new FactsDocument(VERSION, mailbox, null, null, collectedAt, null, null, null, null, null, null, null, null, null,
                null, List.copyOf(bounces), null);
    }

    private static void refuseBefore(int needed, String field, Object value) {
        if (value != null) {
            throw new InvalidFactException(field, "needs version " + needed);
        }
    }

    /** The domain checked: the {@code domain} field, else the mailbox's part after '@'; null when neither is known. */
    public String domainChecked() {
        if (domain != null) {
            return domain;
        }
        return mailbox == null ? null : mailbox.substring(mailbox.lastIndexOf('@') + 1);
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
        return new FactsDocument(VERSION, mailbox, domain, client, collectedAt, expect, merged, account, provider, auth, smtp, inbound,
                directTest, testEmail, sendingIp, bounces, couldNotCheck);
    }

    public FactsDocument withBounces(List<BounceFacts> more) {
        List<BounceFacts> all = new java.util.ArrayList<>(bouncesOrEmpty());
        all.addAll(more);
        return new FactsDocument(VERSION, mailbox, domain, client, collectedAt, expect, dns, account, provider, auth, smtp, inbound,
                directTest, testEmail, sendingIp, List.copyOf(all), couldNotCheck);
    }
}
