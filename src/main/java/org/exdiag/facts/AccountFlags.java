package org.exdiag.facts;

import java.time.Instant;

/** Flags the provider holds on the account; null means unknown. {@code mailboxQuota} is version 2. */
public record AccountFlags(AccountState state, Boolean spamBlocked, Boolean locked, Instant lockedUntil,
                           Instant subscriptionExpiresAt, MailboxQuota mailboxQuota) {
    /** Version 1's flags alone. */
    public AccountFlags(AccountState state, Boolean spamBlocked, Boolean locked, Instant lockedUntil,
                        Instant subscriptionExpiresAt) {
        this(state, spamBlocked, locked, lockedUntil, subscriptionExpiresAt, null);
    }

    public AccountFlags withQuota(MailboxQuota quota) {
        return new AccountFlags(state, spamBlocked, locked, lockedUntil, subscriptionExpiresAt, quota);
    }
}
