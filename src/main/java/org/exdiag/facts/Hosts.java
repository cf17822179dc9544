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

    /** Whether {@code host} is a DNS name within DNS's length limits (see {@link #isValid}). */
    public static boolean isHostName(String host) {
        return host != null && !host.isEmpty() && host.length() <= 254 && isValid(host);
    }

    /**
     * Labels of letters, digits, {@code _} and inner hyphens, 1 to 63 characters each, separated by
     * single dots, with an optional final dot; or the root {@code .}. Checked by hand because every
     * host of every document passes here; {@link #LABELS} is the same rule as a pattern (tests compare).
     */
    static boolean isValid(String host) {
        if (".".equals(host)) {
            return true;
        }
        int length = host.endsWith(".") ? host.length() - 1 : host.length();
        int labelStart = 0;
        for (int i = 0; i <= length; i++) {
            if (i == length || host.charAt(i) == '.') {
                int labelLength = i - labelStart;
                if (labelLength < 1 || labelLength > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
            } else if (!isLabelChar(host.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean matchesLabelsPattern(String host) {
        return ".".equals(host) || LABELS.matcher(host).matches();
    }

    private static boolean isLabelChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
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
