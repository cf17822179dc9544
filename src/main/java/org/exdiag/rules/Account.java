package org.exdiag.rules;

import java.time.Instant;

/** Account flags held by the provider; state is active, suspended, expired, unknown or null. */
public record Account(String state, Boolean spamBlocked, Boolean locked, Instant lockedUntil,
                      Instant subscriptionExpiresAt) {
}
