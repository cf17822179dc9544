package org.exdiag.facts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Host names compare case-insensitively, with or without the final dot (facts-v1). */
public final class Hosts {
    private static final Pattern LABELS =
            Pattern.compile("(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");

    private Hosts() {
    }

    /** Lower case, no final dot: the form rules compare. */
    public static String normalize(String host) {
        if (host == null) {
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    static boolean isValid(String host) {
        return ".".equals(host) || LABELS.matcher(host).matches();
    }

    /** A short, printable rendering of a bad value for an error message. */
    static String quoteForError(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
