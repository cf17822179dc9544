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
     */
    private static SmtpReply parseLines(String stripped) {
        if (stripped.indexOf('\n') < 0) {
            return parseLine(stripped);
        }
        List<String> lines = splitLines(stripped);
        String first = lines.get(0);
        if (!startsWithCode(first)) {
            return new SmtpReply(0, null, stripped);
        }
        String code = first.substring(0, 3);
        String enhanced = null;
        StringBuilder text = new StringBuilder(stripped.length());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String rest = startsWithCode(line) && line.startsWith(code) ? afterCode(line) : line;
            int end = enhancedCodeEnd(rest);
            if (end > 0 && (enhanced == null || end == enhanced.length() && rest.startsWith(enhanced))) {
                enhanced = rest.substring(0, end);
                int textStart = end;
                while (textStart < rest.length() && isRegexSpace(rest.charAt(textStart))) {
                    textStart++;
                }
                rest = rest.substring(textStart);
            }
            if (i > 0) {
                text.append('\n');
            }
            text.append(rest.strip());
        }
        return new SmtpReply(Integer.parseInt(code), enhanced, text.toString().strip());
    }

    /** {@link #parseLines} for a reply of one line, most replies: no list of lines, no text to join. */
    private static SmtpReply parseLine(String line) {
        if (!startsWithCode(line)) {
            return new SmtpReply(0, null, line);
        }
        String rest = afterCode(line);
        String enhanced = null;
        int end = enhancedCodeEnd(rest);
        if (end > 0) {
            enhanced = rest.substring(0, end);
            int textStart = end;
            while (textStart < rest.length() && isRegexSpace(rest.charAt(textStart))) {
                textStart++;
            }
            rest = rest.substring(textStart);
        }
        int code = (line.charAt(0) - '0') * 100 + (line.charAt(1) - '0') * 10 + (line.charAt(2) - '0');
        return new SmtpReply(code, enhanced, rest.strip());
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

    /** As {@code split("\r?\n")}: trailing empty lines dropped (there are none: the reply is stripped). */
    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>(4);
        int start = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
            lines.add(s.substring(start, i > start && s.charAt(i - 1) == '\r' ? i - 1 : i));
            start = i + 1;
        }
        lines.add(s.substring(start));
        return lines;
    }

    /** A reply code 200-599 followed by a space, a hyphen or nothing. */
    private static boolean startsWithCode(String line) {
        return line.length() >= 3 && line.charAt(0) >= '2' && line.charAt(0) <= '5' && isDigit(line.charAt(1))
                && isDigit(line.charAt(2)) && (line.length() == 3 || line.charAt(3) == ' ' || line.charAt(3) == '-');
    }

    private static String afterCode(String line) {
        return line.length() == 3 ? "" : line.substring(4);
    }

    /** Length of an RFC 3463 code ({@code [245].d{1,3}.d{1,3}}) that opens {@code s} and is followed by space or the end, else 0. */
    private static int enhancedCodeEnd(String s) {
        if (s.length() < 5 || "245".indexOf(s.charAt(0)) < 0 || s.charAt(1) != '.') {
            return 0;
        }
        int i = digitsEnd(s, 2);
        if (i < 0 || i >= s.length() || s.charAt(i) != '.') {
            return 0;
        }
        i = digitsEnd(s, i + 1);
        return i < 0 || i < s.length() && !isRegexSpace(s.charAt(i)) ? 0 : i;
    }

    /** End of a run of 1 to 3 digits from {@code from}, or -1 when there are none or more than 3. */
    private static int digitsEnd(String s, int from) {
        int i = from;
        while (i < s.length() && isDigit(s.charAt(i))) {
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
