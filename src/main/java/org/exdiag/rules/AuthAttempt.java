package org.exdiag.rules;

/** A login with the diagnostic's password: channel webmail or imap; result ok, rejected, locked, error, skipped. */
public record AuthAttempt(String channel, String result, String detail) {
}
