package org.exdiag.facts;

import java.time.Instant;

/**
 * A non-delivery report the customer received for mail they sent (facts v2).
 *
 * @param reply     the remote server's own reply as the report quotes it; lines joined with \n
 * @param remoteMta the server that refused, when the report names it
 * @param recipient the address written to, when known
 */
public record BounceFacts(String reply, String remoteMta, String recipient, Instant receivedAt) {
    public BounceFacts {
        Checks.required("reply", reply);
        Checks.hostName("remoteMta", remoteMta);
    }

    /** The reply split into code, enhanced code and text. */
    public SmtpReply parsed() {
        return SmtpReply.parse(reply);
    }
}
