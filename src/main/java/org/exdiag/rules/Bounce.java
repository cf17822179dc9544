package org.exdiag.rules;

import java.time.Instant;

/**
 * A non-delivery report the customer received; its reply is a {@link Reply} of placement bounce with
 * {@code attempt} = {@code index}.
 *
 * @param remoteMta the server that refused, normalized, or null
 * @param recipient the address written to, or null
 */
public record Bounce(int index, String remoteMta, String recipient, Instant receivedAt) {
}
