package org.exdiag.rules;

/** The mailbox's size used and allowed, in bytes, as the provider says; either may be null. */
public record MailboxQuota(Long usedBytes, Long limitBytes) {
    /** Used at least as much as allowed: the mailbox takes no more mail. */
    public boolean isFull() {
        return usedBytes != null && limitBytes != null && limitBytes > 0 && usedBytes >= limitBytes;
    }

    /** The share used, in whole percent, for evidence; null when unknown. */
    public Long percentUsed() {
        return usedBytes == null || limitBytes == null || limitBytes <= 0 ? null : usedBytes * 100 / limitBytes;
    }
}
