package org.exdiag.probe.spf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exdiag.facts.SpfResult;
import org.exdiag.facts.SpfSyntax;
import org.exdiag.facts.SpfSyntax.Term;

/**
 * A small evaluator of SPF policies, faithful to RFC 7208 section 4 and 5: check_host() for an address,
 * counting the DNS-querying terms (include, a, mx, ptr, exists, redirect; at most 10) and the void lookups
 * (at most 2), refusing loops and more than one record, with macros expanded (section 7). No library fit:
 * Apache James jSPF's last release depends on an artifact Maven Central does not serve.
 * DNS comes through {@link SpfDns}, so that the same code is tested against RFC 7208's examples in memory
 * and runs live over dnsjava.
 */
public final class SpfEvaluator {
    public static final int MAX_LOOKUPS = 10;
    public static final int MAX_VOID_LOOKUPS = 2;
    private static final int MAX_MX_HOSTS = 10;

    private final SpfDns dns;
    private int lookups;
    private int voids;

    public SpfEvaluator(SpfDns dns) {
        this.dns = dns;
    }

    /** The outcome: the result, the lookups counted, and why it is a permerror or temperror. */
    public record Outcome(SpfResult result, int dnsLookups, int voidLookups, String error) {
    }

    /** check_host(ip, domain, sender), with fresh counters. */
    public Outcome check(InetAddress ip, String domain, String sender) {
        lookups = 0;
        voids = 0;
        Stop stop;
        try {
            SpfResult result = checkHost(ip, domain, sender, new HashSet<>());
            return new Outcome(result, lookups, voids, null);
        } catch (Stop s) {
            stop = s;
        }
        return new Outcome(stop.result, lookups, voids, stop.getMessage());
    }

    /** Ends an evaluation with permerror or temperror, and why. */
    static final class Stop extends Exception {
        final SpfResult result;

        Stop(SpfResult result, String why) {
            super(why, null, false, false);
            this.result = result;
        }
    }

    private SpfResult checkHost(InetAddress ip, String domain, String sender, Set<String> chain) throws Stop {
        String d = normalize(domain);
        if (!chain.add(d)) {
            throw new Stop(SpfResult.PERMERROR, "loop: " + d + " includes itself (through " + String.join(", ", chain) + ")");
        }
        SpfDns.Answer<String> txt = dns.txt(d);
        if (txt.failed()) {
            throw new Stop(SpfResult.TEMPERROR, "TXT lookup for " + d + " failed: " + txt.status());
        }
        List<String> records = txt.records().stream().filter(SpfSyntax::isSpf).toList();
        if (records.isEmpty()) {
            chain.remove(d);
            return SpfResult.NONE;
        }
        if (records.size() > 1) {
            throw new Stop(SpfResult.PERMERROR, d + " publishes " + records.size() + " SPF records (one at most)");
        }
        List<Term> terms;
        try {
            terms = SpfSyntax.terms(records.get(0));
        } catch (IllegalArgumentException e) {
            throw new Stop(SpfResult.PERMERROR, "syntax: " + e.getMessage() + " in " + d);
        }
        String redirect = null;
        for (Term t : terms) {
            if (t.modifier() && t.name().equals("redirect")) {
                if (redirect != null) {
                    throw new Stop(SpfResult.PERMERROR, "syntax: two redirect modifiers in " + d);
                }
                redirect = t.value();
            }
        }
        for (Term t : terms) {
            if (t.modifier()) {
                continue;
            }
            if (matches(t, ip, d, sender, chain)) {
                chain.remove(d);
                return result(t.qualifier());
            }
        }
        if (redirect != null) {
            count();
            String target = expand(redirect, ip, d, sender);
            SpfResult r = checkHost(ip, target, sender, chain);
            chain.remove(d);
            if (r == SpfResult.NONE) {
                throw new Stop(SpfResult.PERMERROR, "redirect to " + target + ", which has no SPF record");
            }
            return r;
        }
        chain.remove(d);
        return SpfResult.NEUTRAL;
    }

    private boolean matches(Term t, InetAddress ip, String domain, String sender, Set<String> chain) throws Stop {
        switch (t.name()) {
            case "all":
                return true;
            case "ip4":
            case "ip6":
                return inNetwork(ip, t.value(), t.name().equals("ip6"));
            case "include": {
                count();
                String target = expand(t.value(), ip, domain, sender);
                SpfResult r = checkHost(ip, target, sender, chain);
                switch (r) {
                    case PASS:
                        return true;
                    case FAIL:
                    case SOFTFAIL:
                    case NEUTRAL:
                        return false;
                    case TEMPERROR:
                        throw new Stop(SpfResult.TEMPERROR, "include:" + target + " could not be evaluated");
                    default:
                        throw new Stop(SpfResult.PERMERROR, "include:" + target + " has no SPF record");
                }
            }
            case "a": {
                count();
                DomainAndCidr dc = domainAndCidr(t.value(), ip, domain, sender);
                return anyAddressMatches(ip, dc.domain(), dc);
            }
            case "mx": {
                count();
                DomainAndCidr dc = domainAndCidr(t.value(), ip, domain, sender);
                SpfDns.Answer<String> mx = dns.mx(dc.domain());
                countVoid(mx, "MX", dc.domain());
                if (mx.records().size() > MAX_MX_HOSTS) {
                    throw new Stop(SpfResult.PERMERROR, "mx of " + dc.domain() + " has more than " + MAX_MX_HOSTS + " hosts");
                }
                for (String host : mx.records()) {
                    if (anyAddressMatches(ip, host, dc)) {
                        return true;
                    }
                }
                return false;
            }
            case "ptr":
                // Counted, not followed: RFC 7208 5.5 says it SHOULD NOT be used; it never matches here.
                count();
                return false;
            case "exists": {
                count();
                String target = expand(t.value(), ip, domain, sender);
                SpfDns.Answer<InetAddress> a = dns.a(target);
                countVoid(a, "A", target);
                return !a.records().isEmpty();
            }
            default:
                throw new Stop(SpfResult.PERMERROR, "syntax: unknown mechanism " + t.name());
        }
    }

    private boolean anyAddressMatches(InetAddress ip, String host, DomainAndCidr dc) throws Stop {
        boolean v6 = ip instanceof Inet6Address;
        SpfDns.Answer<InetAddress> addresses = v6 ? dns.aaaa(host) : dns.a(host);
        countVoid(addresses, v6 ? "AAAA" : "A", host);
        for (InetAddress candidate : addresses.records()) {
            if (sameNetwork(ip, candidate, v6 ? dc.cidr6() : dc.cidr4())) {
                return true;
            }
        }
        return false;
    }

    /** A lookup that found nothing counts as void (RFC 7208 4.6.4); one that failed ends with temperror. */
    private void countVoid(SpfDns.Answer<?> answer, String type, String name) throws Stop {
        if (answer.failed()) {
            throw new Stop(SpfResult.TEMPERROR, type + " lookup for " + name + " failed: " + answer.status());
        }
        if (answer.records().isEmpty() && ++voids > MAX_VOID_LOOKUPS) {
            throw new Stop(SpfResult.PERMERROR, "limit: more than " + MAX_VOID_LOOKUPS + " lookups found nothing (RFC 7208 4.6.4)");
        }
    }

    private void count() throws Stop {
        if (++lookups > MAX_LOOKUPS) {
            throw new Stop(SpfResult.PERMERROR, "limit: more than " + MAX_LOOKUPS + " DNS lookups (RFC 7208 4.6.4)");
        }
    }

    private record DomainAndCidr(String domain, int cidr4, int cidr6) {
    }

    private DomainAndCidr domainAndCidr(String value, InetAddress ip, String domain, String sender) throws Stop {
        String target = domain;
        int cidr4 = 32;
        int cidr6 = 128;
        if (value != null) {
            String v = value;
            int slash = v.indexOf('/');
            String host = slash < 0 ? v : v.substring(0, slash);
            String cidrs = slash < 0 ? "" : v.substring(slash);
            if (!host.isEmpty()) {
                target = expand(host, ip, domain, sender);
            }
            try {
                if (cidrs.startsWith("//")) {
                    cidr6 = Integer.parseInt(cidrs.substring(2));
                } else if (!cidrs.isEmpty()) {
                    String[] both = cidrs.substring(1).split("//");
                    cidr4 = Integer.parseInt(both[0]);
                    if (both.length > 1) {
                        cidr6 = Integer.parseInt(both[1]);
                    }
                }
            } catch (NumberFormatException e) {
                throw new Stop(SpfResult.PERMERROR, "syntax: bad prefix length in \"" + value + "\"");
            }
            if (cidr4 < 0 || cidr4 > 32 || cidr6 < 0 || cidr6 > 128) {
                throw new Stop(SpfResult.PERMERROR, "syntax: bad prefix length in \"" + value + "\"");
            }
        }
        return new DomainAndCidr(target, cidr4, cidr6);
    }

    private static boolean inNetwork(InetAddress ip, String network, boolean six) throws Stop {
        if (network == null) {
            throw new Stop(SpfResult.PERMERROR, "syntax: ip" + (six ? "6" : "4") + " needs a network");
        }
        int slash = network.indexOf('/');
        String address = slash < 0 ? network : network.substring(0, slash);
        int prefix;
        try {
            prefix = slash < 0 ? (six ? 128 : 32) : Integer.parseInt(network.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new Stop(SpfResult.PERMERROR, "syntax: bad network \"" + network + "\"");
        }
        if (six ? !org.exdiag.facts.IpLiterals.isIpv6(address) : !org.exdiag.facts.IpLiterals.isIpv4(address)
                || prefix < 0 || prefix > (six ? 128 : 32)) {
            throw new Stop(SpfResult.PERMERROR, "syntax: bad network \"" + network + "\"");
        }
        try {
            InetAddress net = InetAddress.getByName(address); // a literal: no lookup
            return (ip instanceof Inet6Address) == six && sameNetwork(ip, net, prefix);
        } catch (UnknownHostException e) {
            throw new Stop(SpfResult.PERMERROR, "syntax: bad network \"" + network + "\"");
        }
    }

    private static boolean sameNetwork(InetAddress a, InetAddress b, int prefix) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        if (x.length != y.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (x[full] & mask) == (y[full] & mask);
    }

    private static SpfResult result(char qualifier) {
        return switch (qualifier) {
            case '-' -> SpfResult.FAIL;
            case '~' -> SpfResult.SOFTFAIL;
            case '?' -> SpfResult.NEUTRAL;
            default -> SpfResult.PASS;
        };
    }

    /** Macro expansion (RFC 7208 section 7): %{s l o d i h v} with digits, "r" and delimiters; %% %_ %-. */
    static String expand(String spec, InetAddress ip, String domain, String sender) throws Stop {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= spec.length()) {
                throw new Stop(SpfResult.PERMERROR, "syntax: bad macro in \"" + spec + "\"");
            }
            char n = spec.charAt(++i);
            if (n == '%') {
                out.append('%');
            } else if (n == '_') {
                out.append(' ');
            } else if (n == '-') {
                out.append("%20");
            } else if (n == '{') {
                int end = spec.indexOf('}', i);
                if (end < 0) {
                    throw new Stop(SpfResult.PERMERROR, "syntax: bad macro in \"" + spec + "\"");
                }
                out.append(macro(spec.substring(i + 1, end), ip, domain, sender, spec));
                i = end;
            } else {
                throw new Stop(SpfResult.PERMERROR, "syntax: bad macro in \"" + spec + "\"");
            }
        }
        return out.toString();
    }

    private static String macro(String body, InetAddress ip, String domain, String sender, String spec) throws Stop {
        if (body.isEmpty()) {
            throw new Stop(SpfResult.PERMERROR, "syntax: bad macro in \"" + spec + "\"");
        }
        char letter = Character.toLowerCase(body.charAt(0));
        String senderDomain = sender.contains("@") ? sender.substring(sender.indexOf('@') + 1) : sender;
        String local = sender.contains("@") ? sender.substring(0, sender.indexOf('@')) : "postmaster";
        String value = switch (letter) {
            case 's' -> sender;
            case 'l' -> local;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> ip instanceof Inet4Address ? ip.getHostAddress() : nibbles(ip);
            case 'h' -> domain;
            case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
            case 'p' -> "unknown";
            default -> throw new Stop(SpfResult.PERMERROR, "syntax: unknown macro letter in \"" + spec + "\"");
        };
        String rest = body.substring(1);
        int digits = 0;
        int k = 0;
        while (k < rest.length() && Character.isDigit(rest.charAt(k))) {
            digits = digits * 10 + (rest.charAt(k) - '0');
            k++;
        }
        boolean reverse = k < rest.length() && Character.toLowerCase(rest.charAt(k)) == 'r';
        if (reverse) {
            k++;
        }
        String delimiters = rest.substring(k);
        if (!delimiters.matches("[.\\-+,/_=]*")) {
            throw new Stop(SpfResult.PERMERROR, "syntax: bad macro delimiter in \"" + spec + "\"");
        }
        String split = delimiters.isEmpty() ? "." : delimiters;
        List<String> parts = new ArrayList<>(List.of(value.split("[" + java.util.regex.Pattern.quote(split) + "]", -1)));
        if (reverse) {
            java.util.Collections.reverse(parts);
        }
        if (digits > 0 && digits < parts.size()) {
            parts = parts.subList(parts.size() - digits, parts.size());
        }
        return String.join(".", parts);
    }

    private static String nibbles(InetAddress ip) {
        StringBuilder out = new StringBuilder();
        for (byte b : ip.getAddress()) {
            out.append(Integer.toHexString((b >> 4) & 0xf)).append('.').append(Integer.toHexString(b & 0xf)).append('.');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String normalize(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
    }
}
