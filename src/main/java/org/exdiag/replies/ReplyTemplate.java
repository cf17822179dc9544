package org.exdiag.replies;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply's text with what changes from one message to the next masked (addresses, IP addresses, URLs,
 * dates, host names, queue ids, numbers), so that the same refusal sent to many recipients is one
 * template; and the text pattern of smtp-replies.yaml that matches every reply of a template.
 */
public final class ReplyTemplate {
    /** What is masked, in order: the first that matches a stretch of text takes it. */
    private static final List<Mask> MASKS = List.of(
            new Mask("url", Pattern.compile("(?i)\\b(?:https?|ftp)://\\S+")),
            new Mask("address", Pattern.compile("(?i)<?[a-z0-9._%+=#&'*/?^`{|}~!-]+@[a-z0-9.-]+\\.[a-z]{2,}>?")),
            new Mask("date", Pattern.compile("(?i)\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+\\d{1,2}\\s+[a-z]{3}[a-z]*\\s+\\d{2,4}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s*[+-]\\d{4})?(?:\\s*\\([a-z]+\\))?"
                    + "|\\b\\d{4}-\\d{2}-\\d{2}(?:[t ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:z|[+-]\\d{2}:?\\d{2})?)?|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]m)?)?")),
            new Mask("ip", Pattern.compile("(?i)\\[?\\b(?:\\d{1,3}\\.){3}\\d{1,3}\\b\\]?|\\[?\\b(?:[0-9a-f]{1,4}:){2,7}[0-9a-f]{0,4}\\b\\]?")),
            new Mask("host", Pattern.compile("(?i)\\b(?=[a-z0-9-]*[a-z])[a-z0-9-]+(?:\\.[a-z0-9-]+)+\\.[a-z]{2,}\\.?\\b")),
            new Mask("id", Pattern.compile("(?i)\\b(?=[a-z]*\\d)(?=\\d*[a-z])[a-z0-9]{8,}\\b|\\b[0-9a-f]{8,}\\b")),
            new Mask("n", Pattern.compile("\\b\\d+\\b")));
    private static final Pattern PLACEHOLDER = Pattern.compile("<(url|address|date|ip|host|id|n)>");
    private static final int MAX_PATTERN = 120;

    private record Mask(String name, Pattern pattern) {
    }

    private ReplyTemplate() {
    }

    /** The text with each varying part replaced by {@code <address>}, {@code <ip>}, {@code <n>}...; spaces collapsed, lower case. */
    public static String of(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        for (Mask mask : MASKS) {
            t = mask.pattern().matcher(t).replaceAll("<" + mask.name() + ">");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /**
     * A text pattern (smtp-replies.yaml's syntax: a regular expression found anywhere, case-insensitive)
     * that every reply of {@code template} matches: its start, up to {@value #MAX_PATTERN} characters cut
     * at a word's end, literal parts quoted, each masked part any text, each space any spaces.
     */
    public static String pattern(String template) {
        String head = template.length() <= MAX_PATTERN ? template : cutAtWord(template);
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(head);
        int at = 0;
        while (m.find()) {
            out.append(literal(head.substring(at, m.start()))).append(".+?");
            at = m.end();
        }
        out.append(literal(head.substring(at)));
        String p = out.toString();
        while (p.endsWith(".+?")) {
            p = p.substring(0, p.length() - 3); // a pattern found anywhere need not say what follows
        }
        while (p.startsWith(".+?")) {
            p = p.substring(3);
        }
        return p.strip();
    }

    private static String cutAtWord(String template) {
        int cut = template.lastIndexOf(' ', MAX_PATTERN);
        String head = template.substring(0, cut > 20 ? cut : MAX_PATTERN);
        int open = head.lastIndexOf('<');
        return open > head.lastIndexOf('>') ? head.substring(0, open) : head; // never half a placeholder
    }

    /** A literal stretch: regular-expression characters quoted one by one, spaces as \s+. */
    private static String literal(String s) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (char c : s.toCharArray()) {
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) {
                out.append(out.isEmpty() ? "" : "\\s+");
                space = false;
            }
            if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        if (space && !out.isEmpty()) {
            out.append("\\s+");
        }
        return out.toString();
    }
}
