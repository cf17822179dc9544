package org.exdiag.bounce;

import java.util.Locale;

/**
 * One recipient's fields of a delivery status notification (RFC 3464 section 2.3), values unfolded and
 * without their type prefix ("rfc822;", "smtp;", "dns;").
 *
 * @param action         failed, delayed, delivered, relayed or expanded; null when the DSN omits it
 * @param recipient      Final-Recipient, else Original-Recipient (else X-Actual-Recipient)
 * @param status         the Status field (an RFC 3463 code such as 5.1.1), or null
 * @param diagnostic     the Diagnostic-Code's text, or null
 * @param remoteMta      the Remote-MTA's name, or null
 */
record DsnRecipient(String action, String recipient, String status, String diagnostic, String remoteMta) {
    /** Whether the DSN says delivery to this recipient failed (rather than was delayed or made). */
    boolean failed() {
        if (action == null) {
            // Some DSNs leave Action out: a permanent status, or none at all, is a failure.
            return status == null || status.startsWith("5");
        }
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("failed") || a.startsWith("failure") || a.startsWith("fail");
    }

    /** Whether the DSN says only that delivery is delayed, made, relayed or expanded: no refusal. */
    boolean notAFailure() {
        if (action == null) {
            return status != null && status.startsWith("2");
        }
        String a = action.toLowerCase(Locale.ROOT);
        return a.startsWith("delayed") || a.startsWith("delivered") || a.startsWith("relayed") || a.startsWith("expanded");
    }

}
