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
        String stripped = raw.strip();
        return hasOnlyNewlineBreaks(stripped) ? parseLines(stripped) : parseByPatterns(raw);
    }

    /**
     * The parse below, by hand: it is on the path of every analysis, and the patterns cost several
     * microseconds per reply. Only used when every line break is {@code \n} or {@code \r\n}; the
     * patterns' {@code $} treats other breaks specially, so those rare replies take the pattern path.
     * One pass over the lines as index ranges of the reply, no line copied: the parse was a fifth of a
     * healthy document's rules (JFR), most of it copies of the lines of an EHLO reply.
     */
    private static SmtpReply parseLines(String s) {
        int firstEnd = lineEnd(s, 0, s.indexOf('\n'));
        if (!startsWithCode(s, 0, firstEnd)) {
            return new SmtpReply(0, null, s);
        }
        int code = (s.charAt(0) - '0') * 100 + (s.charAt(1) - '0') * 10 + (s.charAt(2) - '0');
        String enhanced = null;
        StringBuilder text = null; // for a reply of more than one line
        String single = null;
        for (int start = 0; ; ) {
            int newline = s.indexOf('\n', start);
            int end = lineEnd(s, start, newline);
            // A line that repeats the first line's code loses it; any other line is text as it is.
            int rest = startsWithCode(s, start, end) && s.regionMatches(start, s, 0, 3) ? Math.min(start + 4, end) : start;
            int codeEnd = enhancedCodeEnd(s, rest, end);
            if (codeEnd > 0 && (enhanced == null
                    || codeEnd - rest == enhanced.length() && s.startsWith(enhanced, rest))) {
                if (enhanced == null) {
                    enhanced = s.substring(rest, codeEnd);
                }
                rest = codeEnd;
                while (rest < end && isRegexSpace(s.charAt(rest))) {
                    rest++;
                }
            }
            int textStart = stripStart(s, rest, end);
            int textEnd = stripEnd(s, textStart, end);
            if (newline < 0 && text == null) {
                single = s.substring(textStart, textEnd);
                break;
            }
            if (text == null) {
                text = new StringBuilder(s.length());
            } else {
                text.append('\n');
            }
            text.append(s, textStart, textEnd);
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return new SmtpReply(code, enhanced, single != null ? single : text.toString().strip());
    }

    /** Where the line from {@code start} ends, before its {@code \r\n} or {@code \n} at {@code newline} (-1: none). */
    private static int lineEnd(String s, int start, int newline) {
        if (newline < 0) {
            return s.length();
        }
        return newline > start && s.charAt(newline - 1) == '\r' ? newline - 1 : newline;
    }

    /** As {@link String#strip()} on a range: no whitespace character is a surrogate, so chars will do. */
    private static int stripStart(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    private static int stripEnd(String s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean hasOnlyNewlineBreaks(String s) {
        // The usual reply has none of these: String.indexOf scans for them much faster than a loop
        // over the characters (a fifth of the parse, JFR). A reply with a \r is checked character by character.
        if (s.indexOf('\r') < 0) {
            return s.indexOf('\u0085') < 0 && s.indexOf('\u2028') < 0 && s.indexOf('\u2029') < 0;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\r' && (i + 1 == s.length() || s.charAt(i + 1) != '\n')) {
                return false;
            }
        }
        return true;
    }

    /** The line [from, to) opens with a reply code 200-599 followed by a space, a hyphen or nothing. */
    private static boolean startsWithCode(String s, int from, int to) {
        return to - from >= 3 && s.charAt(from) >= '2' && s.charAt(from) <= '5' && isDigit(s.charAt(from + 1))
                && isDigit(s.charAt(from + 2)) && (to - from == 3 || s.charAt(from + 3) == ' ' || s.charAt(from + 3) == '-');
    }

    /**
     * Where an RFC 3463 code ({@code [245].d{1,3}.d{1,3}}) that opens [from, to) and is followed by space
     * or the range's end ends; 0 when there is none.
     */
    private static int enhancedCodeEnd(String s, int from, int to) {
        if (to - from < 5 || "245".indexOf(s.charAt(from)) < 0 || s.charAt(from + 1) != '.') {
            return 0;
        }
        int i = digitsEnd(s, from + 2, to);
        if (i < 0 || i >= to || s.charAt(i) != '.') {
            return 0;
        }
        i = digitsEnd(s, i + 1, to);
        return i < 0 || i < to && !isRegexSpace(s.charAt(i)) ? 0 : i;
    }

    /** End of a run of 1 to 3 digits from {@code from} (before {@code to}), or -1 when there are none or more than 3. */
    private static int digitsEnd(String s, int from, int to) {
        int i = from;
        while (i < to && isDigit(s.charAt(i))) {
            i++;
        }
        return i == from || i - from > 3 ? -1 : i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What {@code \\s} matches in a Java pattern. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The reference parse, by the patterns above; kept for replies with unusual line breaks. */
    static SmtpReply parseByPatterns(String raw) {
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
