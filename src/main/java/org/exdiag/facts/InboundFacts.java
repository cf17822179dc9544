package org.exdiag.facts;

import java.util.List;

/**
 * The inbound test's delivery through the domain's MX hosts (facts v2), in the order tried.
 *
 * @param accepted an MX host accepted the message (2xx after the data); null: not tried
 */
public record InboundFacts(List<DeliveryAttempt> attempts, Boolean accepted) {
    public InboundFacts {
        attempts = Checks.copyOrEmpty(attempts);
    }
}
