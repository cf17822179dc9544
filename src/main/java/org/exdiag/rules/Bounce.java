package org.exdiag.rules;

import java.time.Instant;

/**
 * A non-delivery report the customer received; its reply is a {@link Reply} of placement bounce with
 * {@code attempt} = {@code index}.
 *
 * @param remoteMta the server that refused, normalized, or null
 * @param recipient the address written to, or null
 * @param kind      refused, expired or undeliverable (facts before version 3: refused)
 * @param status    the enhanced status code the bounce gives, or null
 */
public record Bounce(int index, String remoteMta, String recipient, Instant receivedAt, String kind, String status) {
    /** The recipient's domain (after '@'), or null. */
    public String recipientDomain() {
        return recipient == null ? null : recipient.substring(recipient.lastIndexOf('@') + 1);
    }
}
