package org.exdiag.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply split into its parts: the three-digit code (RFC 5321), the optional enhanced status
 * code (RFC 3463, e.g. {@code 5.7.1}) and the text. Multi-line replies ({@code 250-...\n250 ...})
 * become one reply whose text lines are joined with {@code \n}; an enhanced code repeated on each
 * line (as Gmail does) is kept once.
 *
 * @param code         the reply code, or 0 when the reply does not start with one (a garbled reply)
 * @param enhancedCode the RFC 3463 code, or null when the server sent none
 * @param text         the human-readable text, without codes
 */
public record SmtpReply(int code, String enhancedCode, String text) {
    private static final Pattern LINE = Pattern.compile("^([2-5][0-9][0-9])(?:[ -]|$)(.*)$", Pattern.DOTALL);
    private static final Pattern ENHANCED = Pattern.compile("^([245]\\.[0-9]{1,3}\\.[0-9]{1,3})(?:\\s+|$)(.*)$",
            Pattern.DOTALL);

    public static SmtpReply parse(String raw) {
        String[] lines = raw.strip().split("\r?\n");
        Matcher first = LINE.matcher(lines[0]);
        if (!first.matches()) {
            return new SmtpReply(0, null, raw.strip());
        }
        int code = Integer.parseInt(first.group(1));
        String enhanced = null;
        List<String> texts = new ArrayList<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            String rest = m.matches() && m.group(1).equals(first.group(1)) ? m.group(2) : line;
            Matcher e = ENHANCED.matcher(rest);
            if (e.matches() && (enhanced == null || enhanced.equals(e.group(1)))) {
                enhanced = e.group(1);
                rest = e.group(2);
            }
            texts.add(rest.strip());
        }
        return new SmtpReply(code, enhanced, String.join("\n", texts).strip());
    }

    /** 4xx: a temporary failure (RFC 5321 4.2.1). */
    public boolean isTransient() {
        return code >= 400 && code < 500;
    }

    /** 5xx: a permanent failure. */
    public boolean isPermanent() {
        return code >= 500 && code < 600;
    }

    /** Neither 2xx nor 3xx, or no code at all. */
    public boolean isFailure() {
        return code < 200 || code >= 400;
    }
}
