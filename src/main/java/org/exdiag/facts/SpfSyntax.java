package org.exdiag.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terms of an SPF record (RFC 7208 section 4.6, 12): mechanisms with their qualifier, and modifiers.
 * Shared by the evaluator (which queries DNS) and by the rules' view of a record (includes, the "all"
 * qualifier, redirect), so that both read a record the same way.
 */
public final class SpfSyntax {
    private SpfSyntax() {
    }

    /** A mechanism ({@code include:mx.ovh.com}, qualifier '+' when none is written) or a modifier ({@code redirect=...}). */
    public record Term(char qualifier, String name, String value, boolean modifier) {
    }

    /** A record is SPF when it is "v=spf1" alone or followed by a space (RFC 7208 4.5: "v=spf10" is not). */
    public static boolean isSpf(String txt) {
        String t = txt.strip().toLowerCase(Locale.ROOT);
        return t.equals("v=spf1") || t.startsWith("v=spf1 ");
    }

    /** The terms after "v=spf1"; an IllegalArgumentException names a term that is not SPF. */
    public static List<Term> terms(String record) {
        String[] parts = record.strip().split("\\s+");
        List<Term> terms = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            int colon = p.indexOf(':');
            int slash = p.indexOf('/');
            if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
                String name = p.substring(0, eq).toLowerCase(Locale.ROOT);
                if (!name.matches("[a-z][a-z0-9_.-]*")) {
                    throw new IllegalArgumentException("bad modifier \"" + p + "\"");
                }
                terms.add(new Term('+', name, p.substring(eq + 1), true));
                continue;
            }
            char qualifier = '+';
            String body = p;
            if ("+-~?".indexOf(p.charAt(0)) >= 0) {
                qualifier = p.charAt(0);
                body = p.substring(1);
            }
            int cut = body.length();
            for (int k = 0; k < body.length(); k++) {
                if (body.charAt(k) == ':' || body.charAt(k) == '/') {
                    cut = k;
                    break;
                }
            }
            String name = body.substring(0, cut).toLowerCase(Locale.ROOT);
            String value = cut < body.length() ? body.substring(body.charAt(cut) == ':' ? cut + 1 : cut) : null;
            if (!List.of("all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists").contains(name)) {
                throw new IllegalArgumentException("unknown mechanism \"" + p + "\"");
            }
            if ((name.equals("include") || name.equals("exists")) && (value == null || value.isEmpty())) {
                throw new IllegalArgumentException("\"" + p + "\" needs a domain");
            }
            if (name.equals("all") && value != null) {
                throw new IllegalArgumentException("bad mechanism \"" + p + "\"");
            }
            terms.add(new Term(qualifier, name, value, false));
        }
        return terms;
    }
}
