package org.exdiag.facts;

import java.util.List;

/** The test email sent from the mailbox: where it was submitted and every reply, in order. */
public record SmtpFacts(String host, Integer port, ConnectResult connect, List<SmtpExchange> replies) {
    public SmtpFacts {
        Checks.hostName("host", host);
        Checks.inRange("port", port, 1, 65535);
        replies = Checks.copyOrEmpty(replies);
    }
}
