package org.exdiag.facts;

import java.util.List;

/**
 * A second test email delivered straight to the provider's valid MX, made only when the domain's MX
 * is not valid for the offer: whether the mailbox itself receives (facts v2).
 *
 * @param received found over IMAP: true, false, or null (not looked for)
 */
public record DirectTestFacts(String host, List<DeliveryAttempt> attempts, Boolean accepted, Boolean received,
                              Integer waitedSeconds) {
    public DirectTestFacts {
        Checks.required("host", host);
        Checks.hostName("host", host);
        attempts = Checks.copyOrEmpty(attempts);
        Checks.inRange("waitedSeconds", waitedSeconds, 0, 86_400);
    }
}
