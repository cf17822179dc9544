package org.exdiag.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terms of an SPF record (RFC 7208 section 4.6, 12): mechanisms with their qualifier, and modifiers.
 * Shared by the evaluator (which queries DNS) and by the rules' view of a record (includes, the "all"
 * qualifier, redirect), so that both read a record the same way. The whole grammar is checked (4.6:
 * a syntax error anywhere in the record is a permerror, even after the term that decides).
 */
public final class SpfSyntax {
    private static final Pattern MODIFIER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    /** [ ":" domain-spec ] [ "/" ip4-cidr ] [ "//" ip6-cidr ], the lengths without leading zeros (as ip4-network's numbers). */
    private static final Pattern DUAL_CIDR = Pattern.compile("(.*?)(?:/(0|[1-9][0-9]*))?(?://(0|[1-9][0-9]*))?", Pattern.DOTALL);
    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    private SpfSyntax() {
    }

    /**
     * A mechanism ({@code include:mx.ovh.com}, qualifier '+' when none is written) or a modifier ({@code redirect=...}).
     * {@code value}: what follows the name's ':' or '=' (or the "/24" of {@code a/24}), null when nothing does.
     * {@code target}: the domain-spec of include, exists, a, mx, ptr (null when none is written), redirect and
     * exp, or the network of ip4 and ip6 without its length. {@code cidr4}, {@code cidr6}: the prefix lengths of
     * a, mx, ip4 (cidr4) and ip6 (cidr6), 32 and 128 when none is written.
     */
    public record Term(char qualifier, String name, String value, boolean modifier, String target, int cidr4, int cidr6) {
    }

    /** A record is SPF when it is "v=spf1" alone or followed by a space (RFC 7208 4.5: "v=spf10" is not). */
    public static boolean isSpf(String txt) {
        String t = txt.strip().toLowerCase(Locale.ROOT);
        return t.equals("v=spf1") || t.startsWith("v=spf1 ");
    }

    /** The terms after "v=spf1"; an IllegalArgumentException names what is not SPF. */
    public static List<Term> terms(String record) {
        String text = trimSpaces(record);
        for (char c : text.toCharArray()) {
            // 3.1 and 4.6.1: seven-bit text, terms separated by spaces only (a tab or a line break is an error)
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("character " + SpfMacroString.describe(c) + " (a record is printable ASCII, terms split by spaces)");
            }
        }
        String[] parts = text.split(" +");
        List<Term> terms = new ArrayList<>();
        boolean redirect = false;
        boolean exp = false;
        for (int i = 1; i < parts.length; i++) {
            Term t = term(parts[i]);
            if (t.modifier() && t.name().equals("redirect") && redirect || t.modifier() && t.name().equals("exp") && exp) {
                throw new IllegalArgumentException("two " + t.name() + " modifiers (6: once at most)");
            }
            redirect |= t.modifier() && t.name().equals("redirect");
            exp |= t.modifier() && t.name().equals("exp");
            terms.add(t);
        }
        return terms;
    }

    /** Spaces only: a record ending in a line break is not SPF's grammar (record = version terms *SP). */
    private static String trimSpaces(String record) {
        int start = 0;
        int end = record.length();
        while (start < end && record.charAt(start) == ' ') {
            start++;
        }
        while (end > start && record.charAt(end - 1) == ' ') {
            end--;
        }
        return record.substring(start, end);
    }

    private static Term term(String p) {
        int eq = p.indexOf('=');
        int colon = p.indexOf(':');
        int slash = p.indexOf('/');
        if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
            return modifier(p, p.substring(0, eq), p.substring(eq + 1));
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
        String rest = body.substring(cut); // "", ":..." or "/..."
        String value = rest.isEmpty() ? null : rest.substring(rest.charAt(0) == ':' ? 1 : 0);
        return switch (name) {
            case "all" -> {
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("bad mechanism \"" + p + "\"");
                }
                yield new Term(qualifier, name, null, false, null, 32, 128);
            }
            case "include", "exists" -> {
                if (!rest.startsWith(":")) {
                    throw new IllegalArgumentException("\"" + p + "\" needs a domain");
                }
                yield new Term(qualifier, name, value, false, domainSpec(value, p), 32, 128);
            }
            case "ptr" -> {
                if (!rest.isEmpty() && !rest.startsWith(":")) {
                    throw new IllegalArgumentException("bad mechanism \"" + p + "\" (ptr takes no prefix length)");
                }
                yield new Term(qualifier, name, value, false, value == null ? null : domainSpec(value, p), 32, 128);
            }
            case "a", "mx" -> withDualCidr(qualifier, name, rest, value, p);
            case "ip4", "ip6" -> network(qualifier, name, rest, value, p);
            default -> throw new IllegalArgumentException("unknown mechanism \"" + p + "\"");
        };
    }

    private static Term modifier(String p, String written, String value) {
        if (!MODIFIER_NAME.matcher(written).matches()) {
            throw new IllegalArgumentException("bad modifier \"" + p + "\"");
        }
        String name = written.toLowerCase(Locale.ROOT);
        if (name.equals("redirect") || name.equals("exp")) {
            return new Term('+', name, value, true, domainSpec(value, p), 32, 128);
        }
        try {
            SpfMacroString.parse(value, false); // unknown-modifier = name "=" macro-string: ignored, but checked
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad modifier \"" + p + "\": " + e.getMessage());
        }
        return new Term('+', name, value, true, null, 32, 128);
    }

    private static String domainSpec(String spec, String p) {
        String error = SpfMacroString.domainSpecError(spec);
        if (error != null) {
            throw new IllegalArgumentException("bad domain in \"" + p + "\": " + error);
        }
        return spec;
    }

    private static Term withDualCidr(char qualifier, String name, String rest, String value, String p) {
        Matcher m = DUAL_CIDR.matcher(rest);
        m.matches(); // always: every part is optional
        String domain = m.group(1);
        if (!domain.isEmpty() && !domain.startsWith(":")) {
            throw new IllegalArgumentException("bad mechanism \"" + p + "\"");
        }
        int cidr4 = length(m.group(2), 32, p);
        int cidr6 = length(m.group(3), 128, p);
        String target = domain.isEmpty() ? null : domainSpec(domain.substring(1), p);
        return new Term(qualifier, name, value, false, target, cidr4, cidr6);
    }

    private static Term network(char qualifier, String name, String rest, String value, String p) {
        boolean six = name.equals("ip6");
        if (!rest.startsWith(":")) {
            throw new IllegalArgumentException("\"" + p + "\" needs a network");
        }
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (six ? !IpLiterals.isIpv6(address) : !IpLiterals.isIpv4(address)) {
            throw new IllegalArgumentException("bad network in \"" + p + "\"");
        }
        String written = slash < 0 ? null : value.substring(slash + 1);
        if (written != null && !PREFIX.matcher(written).matches()) {
            throw new IllegalArgumentException("bad prefix length in \"" + p + "\"");
        }
        int prefix = length(written, six ? 128 : 32, p);
        return new Term(qualifier, name, value, false, address, six ? 32 : prefix, six ? prefix : 128);
    }

    private static int length(String written, int max, String p) {
        if (written == null) {
            return max;
        }
        if (written.length() > 3 || Integer.parseInt(written) > max) {
            throw new IllegalArgumentException("bad prefix length in \"" + p + "\" (" + max + " at most)");
        }
        return Integer.parseInt(written);
    }
}
