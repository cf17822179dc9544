package org.exdiag.rules;

/**
 * One SMTP reply of the outbound test.
 *
 * @param index        position in the dialogue, from 0
 * @param stage        CONNECT, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, END_OF_DATA or QUIT
 * @param code         reply code, 0 when the reply was garbled
 * @param enhancedCode RFC 3463 code such as 5.7.1, or null
 * @param text         the text without codes
 * @param raw          the reply as the server sent it
 */
public record Reply(int index, String stage, int code, String enhancedCode, String text, String raw) {
    /** The first line of the raw reply, for evidence. */
    public String firstLine() {
        int nl = raw.indexOf('\n');
        return nl < 0 ? raw : raw.substring(0, nl) + " …";
    }
}
