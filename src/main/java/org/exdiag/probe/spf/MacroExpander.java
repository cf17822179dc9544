package org.exdiag.probe.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.exdiag.facts.SpfMacroString;
import org.exdiag.facts.SpfMacroString.Literal;
import org.exdiag.facts.SpfMacroString.Macro;
import org.exdiag.facts.SpfMacroString.Piece;

/**
 * Macro expansion (RFC 7208 7.3) for one check: what each letter stands for, the transformers (parts kept,
 * reversal, delimiters) and the URL escaping of upper-case letters. The syntax was checked by
 * {@link SpfMacroString}; this only expands.
 */
final class MacroExpander {
    /** %{r}: the receiver's name. A diagnostic receives no mail; 7.3 names "unknown" for a name not known. */
    static final String RECEIVER = "unknown";
    private static final String UNRESERVED = "-._~";

    private final InetAddress ip;
    private final String sender;
    private final String helo;
    private final Supplier<List<String>> validatedNames;
    private final Clock clock;

    /**
     * @param helo           the HELO name, null when not known (then %{h} is the domain, as before HELO was given)
     * @param validatedNames the validated names of {@code ip} (5.5), looked up only if %{p} is used
     */
    MacroExpander(InetAddress ip, String sender, String helo, Supplier<List<String>> validatedNames, Clock clock) {
        this.ip = ip;
        this.sender = sender;
        this.helo = helo;
        this.validatedNames = validatedNames;
        this.clock = clock;
    }

    /** A domain-spec to the name to look up: expanded, without its trailing dot, cut to 253 characters (7.3). */
    String domainName(String spec, String domain) {
        return DnsNames.truncate(DnsNames.strip(expand(SpfMacroString.parse(spec, false), domain)));
    }

    /** Checked pieces to text; {@code domain}: the domain being checked, %{d}. */
    String expand(List<Piece> pieces, String domain) {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            if (p instanceof Literal l) {
                out.append(l.text());
            } else if (p instanceof Macro m) {
                String value = transform(value(m.letter(), domain), m);
                out.append(m.urlEscape() ? urlEscape(value) : value);
            }
        }
        return out.toString();
    }

    private String value(char letter, String domain) {
        int at = sender.lastIndexOf('@');
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> at <= 0 ? "postmaster" : sender.substring(0, at); // 4.3: no local-part is "postmaster"
            case 'o' -> at < 0 ? sender : sender.substring(at + 1);
            case 'd' -> domain;
            case 'i' -> ip instanceof Inet4Address ? ip.getHostAddress() : nibbles(ip);
            case 'p' -> validatedName(domain);
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            case 'h' -> helo != null ? helo : domain;
            case 'c' -> ip instanceof Inet6Address ? compressed(ip.getAddress()) : ip.getHostAddress();
            case 'r' -> RECEIVER;
            case 't' -> Long.toString(clock.instant().getEpochSecond());
            default -> throw new IllegalArgumentException("macro letter '" + letter + "'"); // refused by the parser
        };
    }

    /** Split on the delimiters (default "."), reversed if asked, the right-hand parts kept, joined by dots. */
    private static String transform(String value, Macro m) {
        String delimiters = m.delimiters().isEmpty() ? "." : m.delimiters();
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int k = 0; k <= value.length(); k++) {
            if (k == value.length() || delimiters.indexOf(value.charAt(k)) >= 0) {
                parts.add(value.substring(from, k));
                from = k + 1;
            }
        }
        if (m.reverse()) {
            Collections.reverse(parts);
        }
        if (m.parts() > 0 && m.parts() < parts.size()) {
            parts = parts.subList(parts.size() - m.parts(), parts.size());
        }
        return String.join(".", parts);
    }

    /**
     * %{p} (7.3): the domain itself if validated, else a name below it, else any validated name, else
     * "unknown" (also when the lookups failed).
     */
    private String validatedName(String domain) {
        List<String> names = validatedNames.get();
        for (String n : names) {
            if (DnsNames.strip(n).equalsIgnoreCase(DnsNames.strip(domain))) {
                return n;
            }
        }
        for (String n : names) {
            if (DnsNames.isAtOrBelow(n, domain)) {
                return n;
            }
        }
        return names.isEmpty() ? "unknown" : names.get(0);
    }

    /** The 32 nibbles of an IPv6 address, dotted, lower case as RFC 7208 7.4's example writes them. */
    private static String nibbles(InetAddress ip) {
        StringBuilder out = new StringBuilder();
        for (byte b : ip.getAddress()) {
            out.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.').append(Character.forDigit(b & 0xf, 16)).append('.');
        }
        return out.substring(0, out.length() - 1);
    }

    /** RFC 5952's text form ("2001:db8::1"), the one %{c} is meant for people in (Java writes every group). */
    static String compressed(byte[] address) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = (address[2 * g] & 0xff) << 8 | address[2 * g + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is written "0", not "::"
        for (int g = 0; g < 8; g++) {
            int length = 0;
            while (g + length < 8 && groups[g + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = g;
                bestLength = length;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int g = 0; g < 8; g++) {
            if (g == bestStart) {
                out.append("::");
                g += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[g]));
        }
        return out.toString();
    }

    /** 7.3: an upper-case macro's value with every character outside the unreserved set escaped as %XX. */
    private static String urlEscape(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || UNRESERVED.indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
