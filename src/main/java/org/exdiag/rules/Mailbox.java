package org.exdiag.rules;

/** The mailbox diagnosed and its domain (normalized). */
public record Mailbox(String address, String domain) {
}
