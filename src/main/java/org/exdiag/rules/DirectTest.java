package org.exdiag.rules;

/**
 * The second test email, delivered straight to the provider's valid MX when the domain's MX is not
 * valid: whether the mailbox itself receives.
 *
 * @param received found over IMAP: true, false, or null (not looked for)
 */
public record DirectTest(String host, Boolean accepted, Boolean received, Integer waitedSeconds) {
}
