package org.exdiag.facts;

import java.util.List;

/**
 * Delivering a test email to one address of one MX host (facts v2: {@code inbound.attempts},
 * {@code directTest.attempts}): where, how connecting ended, and every reply with its stage.
 *
 * @param address the address connected to; null when the name did not resolve
 */
public record DeliveryAttempt(String host, String address, Integer port, ConnectResult connect, List<SmtpExchange> replies) {
    public DeliveryAttempt {
        Checks.required("host", host);
        Checks.hostName("host", host);
        Checks.ipAddress("address", address);
        Checks.inRange("port", port, 1, 65535);
        if (connect == null) {
            throw new InvalidFactException("connect", "is required");
        }
        replies = Checks.copyOrEmpty(replies);
    }
}
