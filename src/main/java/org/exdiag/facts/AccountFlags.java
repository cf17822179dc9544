package org.exdiag.facts;

import java.time.Instant;

/** Flags the provider holds on the account; null means unknown. */
public record AccountFlags(AccountState state, Boolean spamBlocked, Boolean locked, Instant lockedUntil,
                           Instant subscriptionExpiresAt) {
}
