package org.exdiag.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * What the probes saw for one mailbox (facts file, version 1). Every section is optional:
 * a missing section means "not probed". Never holds a password.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"version", "mailbox", "collectedAt", "expect", "dns", "account", "provider", "auth", "smtp",
        "testEmail"})
public record FactsDocument(Integer version, String mailbox, Instant collectedAt, Expectation expect, DnsFacts dns,
                            AccountFlags account, ProviderDiagnosis provider, AuthFacts auth, SmtpFacts smtp,
                            TestEmailFacts testEmail) {
    public static final int VERSION = 1;

    public FactsDocument {
        if (version == null) {
            throw new InvalidFactException("version", "is required (this reader knows version " + VERSION + ")");
        }
        if (version != VERSION) {
            throw new InvalidFactException("version",
                    "unsupported version " + version + " (this reader knows version " + VERSION + ")");
        }
        Checks.required("mailbox", mailbox);
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || at == mailbox.length() - 1 || mailbox.length() > 320 || mailbox.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidFactException("mailbox", "is not an email address: " + Hosts.quoteForError(mailbox));
        }
        Checks.hostName("mailbox", mailbox.substring(at + 1));
    }

    /** The part after '@'. */
    public String domain() {
        return mailbox.substring(mailbox.lastIndexOf('@') + 1);
    }
}
