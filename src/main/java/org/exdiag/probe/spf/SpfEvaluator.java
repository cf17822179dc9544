package org.exdiag.probe.spf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.exdiag.expected.AddressRange;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.SpfMacroString;
import org.exdiag.facts.SpfResult;
import org.exdiag.facts.SpfSyntax;
import org.exdiag.facts.SpfSyntax.Term;

/**
 * A small evaluator of SPF policies, faithful to RFC 7208 section 4 to 7: check_host() for an address,
 * counting the DNS-querying terms (include, a, mx, ptr, exists, redirect; at most 10) and the void lookups
 * (at most 2), refusing loops and more than one record, the whole record's syntax checked first (4.6),
 * macros expanded (section 7) and the explanation of a fail looked up (exp=, 6.2). No library fit:
 * Apache James jSPF's last release depends on an artifact Maven Central does not serve.
 * DNS comes through {@link SpfDns}, so that the same code is tested against RFC 7208's examples and its
 * conformance suite in memory and runs live over dnsjava. One evaluator checks one address at a time.
 */
public final class SpfEvaluator {
    public static final int MAX_LOOKUPS = 10;
    public static final int MAX_VOID_LOOKUPS = 2;
    private static final int MAX_MX_HOSTS = 10;

    private final SpfDns dns;
    private final Clock clock;
    private int lookups;
    private int voids;
    private MacroExpander macros;
    private List<String> validatedNames;

    public SpfEvaluator(SpfDns dns) {
        this(dns, Clock.systemUTC());
    }

    /** {@code clock}: the time of %{t} in explanations. */
    SpfEvaluator(SpfDns dns, Clock clock) {
        this.dns = dns;
        this.clock = clock;
    }

    /**
     * The outcome: the result, the lookups counted, why it is a permerror or temperror, and the explanation
     * of a fail when the deciding record's exp= gave one (null otherwise).
     */
    public record Outcome(SpfResult result, int dnsLookups, int voidLookups, String error, String explanation) {
        public Outcome(SpfResult result, int dnsLookups, int voidLookups, String error) {
            this(result, dnsLookups, voidLookups, error, null);
        }
    }

    /** check_host(ip, domain, sender), with fresh counters; %{h} is the domain (no HELO known). */
    public Outcome check(InetAddress ip, String domain, String sender) {
        return check(ip, domain, sender, null);
    }

    /**
     * check_host(ip, domain, sender) for a message received after HELO {@code helo} (null: not known).
     * An empty sender is the null reverse-path of a bounce: then the HELO identity is checked (RFC 7208
     * 2.4), the domain being the HELO name and the sender postmaster at it.
     */
    public Outcome check(InetAddress ip, String domain, String sender, String helo) {
        String d = domain;
        String s = sender;
        if (s == null || s.isEmpty()) {
            d = helo != null ? helo : domain == null ? "" : domain;
            s = "postmaster@" + d;
        }
        lookups = 0;
        voids = 0;
        validatedNames = null;
        macros = new MacroExpander(ip, s, helo, () -> validatedNames(ip), clock);
        try {
            Verdict v = checkHost(ip, d, new HashSet<>());
            return new Outcome(v.result(), lookups, voids, null, v.result() == SpfResult.FAIL ? explanation(v) : null);
        } catch (Stop stop) {
            return new Outcome(stop.result, lookups, voids, stop.getMessage());
        }
    }

    /** Ends an evaluation with permerror or temperror, and why. */
    static final class Stop extends Exception {
        final SpfResult result;

        Stop(SpfResult result, String why) {
            super(why, null, false, false);
            this.result = result;
        }
    }

    /** What a record decided, with its exp= and its domain: the explanation is looked up only for the final fail. */
    private record Verdict(SpfResult result, String exp, String domain) {
    }

    private Verdict checkHost(InetAddress ip, String domain, Set<String> chain) throws Stop {
        String d = DnsNames.strip(domain);
        if (!DnsNames.isDomain(d)) {
            return new Verdict(SpfResult.NONE, null, d); // 4.3: a malformed domain has no policy
        }
        String key = d.toLowerCase(Locale.ROOT);
        if (!chain.add(key)) {
            throw new Stop(SpfResult.PERMERROR, "loop: " + key + " includes itself (through " + String.join(", ", chain) + ")");
        }
        try {
            List<Term> terms = policy(d);
            if (terms == null) {
                return new Verdict(SpfResult.NONE, null, d);
            }
            String redirect = null;
            String exp = null;
            for (Term t : terms) {
                if (t.modifier() && t.name().equals("redirect")) {
                    redirect = t.target();
                } else if (t.modifier() && t.name().equals("exp")) {
                    exp = t.target();
                }
            }
            for (Term t : terms) {
                if (!t.modifier() && matches(t, ip, d, chain)) {
                    return new Verdict(result(t.qualifier()), exp, d);
                }
            }
            if (redirect == null) {
                return new Verdict(SpfResult.NEUTRAL, exp, d);
            }
            // 6.1: the target's result replaces this record's, exp= included (6.2: this one's no longer applies)
            count();
            String target = macros.domainName(redirect, d);
            Verdict v = checkHost(ip, target, chain);
            if (v.result() == SpfResult.NONE) {
                throw new Stop(SpfResult.PERMERROR, "redirect to " + target + ", which has no SPF record");
            }
            return v;
        } finally {
            chain.remove(key);
        }
    }

    /** The terms of the domain's one SPF record, null when it has none. */
    private List<Term> policy(String d) throws Stop {
        SpfDns.Answer<String> txt = dns.txt(d);
        if (txt.failed()) {
            throw new Stop(SpfResult.TEMPERROR, "TXT lookup for " + d + " failed: " + txt.status());
        }
        List<String> records = txt.records().stream().filter(SpfSyntax::isSpf).toList();
        if (records.isEmpty()) {
            return null;
        }
        if (records.size() > 1) {
            throw new Stop(SpfResult.PERMERROR, d + " publishes " + records.size() + " SPF records (one at most)");
        }
        try {
            return SpfSyntax.terms(records.get(0));
        } catch (IllegalArgumentException e) {
            throw new Stop(SpfResult.PERMERROR, "syntax: " + e.getMessage() + " in " + d);
        }
    }

    private boolean matches(Term t, InetAddress ip, String domain, Set<String> chain) throws Stop {
        switch (t.name()) {
            case "all":
                return true;
            case "ip4":
            case "ip6":
                return inNetwork(ip, t);
            case "include": {
                count();
                String target = macros.domainName(t.target(), domain);
                SpfResult r = checkHost(ip, target, chain).result();
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
                return anyAddressMatches(ip, target(t, domain), t);
            }
            case "mx": {
                count();
                String target = target(t, domain);
                SpfDns.Answer<String> mx = DnsNames.isQueryable(target) ? dns.mx(target) : nonexistent();
                countVoid(mx, "MX", target);
                if (mx.records().size() > MAX_MX_HOSTS) {
                    throw new Stop(SpfResult.PERMERROR, "mx of " + target + " has more than " + MAX_MX_HOSTS + " hosts");
                }
                for (String host : mx.records()) {
                    // a null MX (RFC 7505, "."): the domain takes no mail, there is no host to look up
                    if (!DnsNames.strip(host).isEmpty() && anyAddressMatches(ip, DnsNames.strip(host), t)) {
                        return true;
                    }
                }
                return false;
            }
            case "ptr": {
                count();
                String target = target(t, domain);
                return validatedNames(ip).stream().anyMatch(n -> DnsNames.isAtOrBelow(n, target));
            }
            case "exists": {
                count();
                String target = macros.domainName(t.target(), domain);
                SpfDns.Answer<InetAddress> a = DnsNames.isQueryable(target) ? dns.a(target) : nonexistent();
                countVoid(a, "A", target);
                return !a.records().isEmpty();
            }
            default:
                throw new Stop(SpfResult.PERMERROR, "syntax: unknown mechanism " + t.name()); // refused by SpfSyntax
        }
    }

    /** The name a, mx or ptr is about: its domain-spec expanded, or the domain being checked. */
    private String target(Term t, String domain) {
        return t.target() == null ? domain : macros.domainName(t.target(), domain);
    }

    /**
     * A name macros made that no DNS query can carry (an empty label, a label over 63 characters) is treated
     * as a name that does not exist, as 4.3 treats a malformed domain: no match, not an error.
     */
    private static <T> SpfDns.Answer<T> nonexistent() {
        return new SpfDns.Answer<>("nxdomain", List.of());
    }

    private List<String> validatedNames(InetAddress ip) {
        if (validatedNames == null) {
            validatedNames = ValidatedNames.of(dns, ip);
        }
        return validatedNames;
    }

    private boolean anyAddressMatches(InetAddress ip, String host, Term t) throws Stop {
        boolean v6 = ip instanceof Inet6Address;
        SpfDns.Answer<InetAddress> addresses = !DnsNames.isQueryable(host) ? nonexistent() : v6 ? dns.aaaa(host) : dns.a(host);
        countVoid(addresses, v6 ? "AAAA" : "A", host);
        for (InetAddress candidate : addresses.records()) {
            if (new AddressRange(candidate.getAddress(), v6 ? t.cidr6() : t.cidr4()).contains(ip)) {
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

    /** ip4 matches IPv4 senders only, ip6 IPv6 ones (5.6); SpfSyntax checked the network and its length. */
    private static boolean inNetwork(InetAddress ip, Term t) {
        boolean six = t.name().equals("ip6");
        if ((ip instanceof Inet6Address) != six) {
            return false;
        }
        // SpfSyntax accepts literals only
        return new AddressRange(IpLiterals.parse(t.target()).getAddress(), six ? t.cidr6() : t.cidr4()).contains(ip);
    }

    private static SpfResult result(char qualifier) {
        return switch (qualifier) {
            case '-' -> SpfResult.FAIL;
            case '~' -> SpfResult.SOFTFAIL;
            case '?' -> SpfResult.NEUTRAL;
            default -> SpfResult.PASS;
        };
    }

    /**
     * The explanation of a fail (6.2): the one TXT record exp= names, its macros expanded. Looked up once,
     * after the result, and not counted (4.6.4); a failed lookup, no record or several, or text that is not
     * an explanation string (non-ASCII, a bad macro) leave the fail without explanation.
     */
    private String explanation(Verdict v) {
        if (v.exp() == null) {
            return null;
        }
        String name = macros.domainName(v.exp(), v.domain());
        if (!DnsNames.isQueryable(name)) {
            return null;
        }
        SpfDns.Answer<String> txt = dns.txt(name);
        if (txt.failed() || txt.records().size() != 1) {
            return null;
        }
        try {
            return macros.expand(SpfMacroString.parse(txt.records().get(0), true), v.domain());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Macro expansion (RFC 7208 section 7) of a domain-spec, without HELO: %{h} is the domain. */
    static String expand(String spec, InetAddress ip, String domain, String sender) throws Stop {
        try {
            List<SpfMacroString.Piece> pieces = SpfMacroString.parse(spec, false);
            return new MacroExpander(ip, sender, null, List::of, Clock.systemUTC()).expand(pieces, domain);
        } catch (IllegalArgumentException e) {
            throw new Stop(SpfResult.PERMERROR, "syntax: " + e.getMessage());
        }
    }
}
