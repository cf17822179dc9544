package org.exdiag.facts;

/** Logging in with the password given for the diagnostic, per channel. */
public record AuthFacts(AuthCheck webmail, AuthCheck imap) {
}
