package org.exdiag.facts;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A non-delivery report the customer received for mail they sent (facts v2; {@code kind} and
 * {@code status} from v3).
 *
 * @param reply     the remote server's own reply as the report quotes it (lines joined with \n); when no
 *                  server answered, the sending side's own words (why it gave up)
 * @param remoteMta the server that refused, when the report names it
 * @param recipient the address written to, when known
 * @param kind      refused, expired or undeliverable; null in documents before version 3
 * @param status    the enhanced status code (RFC 3463) the bounce gives for the recipient, if any
 */
public record BounceFacts(String reply, String remoteMta, String recipient, Instant receivedAt, BounceKind kind,
                          String status) {
    private static final Pattern STATUS = Pattern.compile("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");

    public BounceFacts {
        Checks.required("reply", reply);
        Checks.hostName("remoteMta", remoteMta);
        if (status != null && !STATUS.matcher(status).matches()) {
            throw new InvalidFactException("status", "is not an enhanced status code (like 5.1.1): " + Hosts.quoteForError(status));
        }
    }

    /** A bounce of facts version 2: no kind, no status. */
    public BounceFacts(String reply, String remoteMta, String recipient, Instant receivedAt) {
        this(reply, remoteMta, recipient, receivedAt, null, null);
    }

    /** The reply split into code, enhanced code and text. */
    public SmtpReply parsed() {
        return SmtpReply.parse(reply);
    }

    /** Whether it holds what only version 3 knows. */
    boolean hasVersion3Fields() {
        return kind != null || status != null;
    }
}
