package org.exdiag.rules;

/**
 * One SMTP reply a server gave.
 *
 * @param placement    where it was heard: submission (the outbound test), inbound (delivering to the
 *                     domain's MX), direct (delivering straight to the provider's MX), bounce (quoted by
 *                     a non-delivery report)
 * @param index        position among the replies of its placement, from 0
 * @param attempt      the delivery attempt it answered (inbound, direct), or the bounce that quotes it; 0 at submission
 * @param stage        CONNECT, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA or QUIT; null in a bounce
 * @param code         reply code, 0 when the reply was garbled or quoted without one
 * @param enhancedCode RFC 3463 code such as 5.7.1, or null
 * @param text         the text without codes
 * @param raw          the reply as the server sent it
 */
public record Reply(String placement, int index, int attempt, String stage, int code, String enhancedCode, String text,
                    String raw) {
    /** The first line of the raw reply, for evidence. */
    public String firstLine() {
        int nl = raw.indexOf('\n');
        return nl < 0 ? raw : raw.substring(0, nl) + " …";
    }
}
