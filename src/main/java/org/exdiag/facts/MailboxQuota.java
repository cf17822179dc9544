package org.exdiag.facts;

/** The mailbox's size used and allowed, in bytes, when the provider says (facts v2). */
public record MailboxQuota(Long usedBytes, Long limitBytes) {
    public MailboxQuota {
        Checks.nonNegative("usedBytes", usedBytes);
        Checks.nonNegative("limitBytes", limitBytes);
    }
}
