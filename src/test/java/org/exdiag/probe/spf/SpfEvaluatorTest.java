package org.exdiag.probe.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.exdiag.facts.SpfResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluator against RFC 7208's own examples (appendix A.1, the zone of appendix A; section 7.4's
 * macros), real-world records and their include chains, and the limits: loops, more than 10 lookups,
 * more than 2 void lookups, two records, syntax errors, DNS failures.
 */
class SpfEvaluatorTest {
    /** DNS in memory: names to TXT, A, AAAA, MX, addresses to PTR names; "servfail" for a name that fails. */
    static final class Zone implements SpfDns {
        final Map<String, List<String>> txt = new HashMap<>();
        final Map<String, List<InetAddress>> a = new HashMap<>();
        final Map<String, List<InetAddress>> aaaa = new HashMap<>();
        final Map<String, List<String>> mx = new HashMap<>();
        final Map<InetAddress, List<String>> ptr = new HashMap<>();
        final List<String> failing = new ArrayList<>();

        Zone txt(String name, String... values) {
            txt.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        Zone a(String name, String... ips) {
            for (String ip : ips) {
                (ip.contains(":") ? aaaa : a).computeIfAbsent(name, k -> new ArrayList<>()).add(address(ip));
            }
            return this;
        }

        Zone mx(String name, String... hosts) {
            mx.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(hosts));
            return this;
        }

        Zone ptr(String ip, String... names) {
            ptr.computeIfAbsent(address(ip), k -> new ArrayList<>()).addAll(List.of(names));
            return this;
        }

        private <T> Answer<T> answer(String name, Map<String, List<T>> map) {
            if (failing.contains(name)) {
                return new Answer<>("servfail", List.of());
            }
            boolean exists = txt.containsKey(name) || a.containsKey(name) || aaaa.containsKey(name) || mx.containsKey(name);
            List<T> records = map.getOrDefault(name, List.of());
            return new Answer<>(!exists ? "nxdomain" : records.isEmpty() ? "nodata" : "ok", records);
        }

        @Override
        public Answer<String> txt(String name) {
            return answer(name, txt);
        }

        @Override
        public Answer<InetAddress> a(String name) {
            return answer(name, a);
        }

        @Override
        public Answer<InetAddress> aaaa(String name) {
            return answer(name, aaaa);
        }

        @Override
        public Answer<String> mx(String name) {
            return answer(name, mx);
        }

        @Override
        public Answer<String> ptr(InetAddress ip) {
            List<String> names = ptr.getOrDefault(ip, List.of());
            return new Answer<>(names.isEmpty() ? "nxdomain" : "ok", names);
        }
    }

    static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The zone of RFC 7208 appendix A. */
    private static Zone rfcZone(String policy) {
        return new Zone().txt("example.com", policy)
                .mx("example.com", "mail-a.example.com", "mail-b.example.com").a("example.com", "192.0.2.10", "192.0.2.11")
                .a("amy.example.com", "192.0.2.65").a("bob.example.com", "192.0.2.66")
                .a("mail-a.example.com", "192.0.2.129").a("mail-b.example.com", "192.0.2.130")
                .mx("example.org", "mail-c.example.org").a("mail-c.example.org", "192.0.2.140");
    }

    private static SpfResult check(Zone zone, String ip) {
        return new SpfEvaluator(zone).check(address(ip), "example.com", "postmaster@example.com").result();
    }

    /** RFC 7208 A.1: each policy, and addresses that pass and do not. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "v=spf1 +all                                | 192.0.2.200 | pass",
        "v=spf1 a -all                              | 192.0.2.10  | pass",
        "v=spf1 a -all                              | 192.0.2.11  | pass",
        "v=spf1 a -all                              | 192.0.2.65  | fail",
        "v=spf1 a:example.org -all                  | 192.0.2.140 | fail",
        "v=spf1 mx -all                             | 192.0.2.129 | pass",
        "v=spf1 mx -all                             | 192.0.2.130 | pass",
        "v=spf1 mx -all                             | 192.0.2.140 | fail",
        "v=spf1 mx:example.org -all                 | 192.0.2.140 | pass",
        "v=spf1 mx mx:example.org -all              | 192.0.2.130 | pass",
        "v=spf1 mx mx:example.org -all              | 192.0.2.140 | pass",
        "v=spf1 mx/30 mx:example.org/30 -all        | 192.0.2.131 | pass",
        "v=spf1 mx/30 mx:example.org/30 -all        | 192.0.2.143 | pass",
        "v=spf1 mx/30 mx:example.org/30 -all        | 192.0.2.144 | fail",
        "v=spf1 ip4:192.0.2.128/28 -all             | 192.0.2.143 | pass",
        "v=spf1 ip4:192.0.2.128/28 -all             | 192.0.2.144 | fail",
        "v=spf1 ip4:192.0.2.128/28 ~all             | 192.0.2.65  | softfail",
        "v=spf1 ip4:192.0.2.128/28 ?all             | 192.0.2.65  | neutral",
        "v=spf1 ip4:192.0.2.128/28                  | 192.0.2.65  | neutral",
        "v=spf1 ip6:2001:db8::/32 -all              | 2001:db8::cb01 | pass",
        "v=spf1 ip6:2001:db8::/32 -all              | 192.0.2.10  | fail"})
    void theExamplesOfRfc7208(String policy, String ip, String expected) {
        assertThat(check(rfcZone(policy.strip()), ip.strip())).isEqualTo(SpfResult.valueOf(expected.strip().toUpperCase()));
    }

    @Test
    void noRecordIsNoneAndTwoRecordsArePermerror() {
        assertThat(check(new Zone().txt("example.com", "google-site-verification=abc"), "192.0.2.1")).isEqualTo(SpfResult.NONE);
        SpfEvaluator.Outcome two = new SpfEvaluator(new Zone().txt("example.com", "v=spf1 -all", "v=spf1 include:mx.ovh.com ~all"))
                .check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(two.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(two.error()).contains("2 SPF records");
        assertThat(check(new Zone().txt("example.com", "v=spf10 -all"), "192.0.2.1")).as("v=spf10 is not SPF").isEqualTo(SpfResult.NONE);
    }

    /** Real-world records: the provider's include, Google's chain, a redirect, with the chains they reach. */
    @Test
    void realWorldRecordsAndTheirChains() {
        Zone zone = new Zone()
                .txt("mx.ovh.com", "v=spf1 include:mx.ovh.com.internal ~all")
                .txt("mx.ovh.com.internal", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:ffff::/48 ~all")
                .txt("_spf.google.com", "v=spf1 include:_netblocks.google.com include:_netblocks2.google.com ~all")
                .txt("_netblocks.google.com", "v=spf1 ip4:203.0.113.0/24 ~all")
                .txt("_netblocks2.google.com", "v=spf1 ip6:2001:db8:4860::/48 ~all")
                .txt("hosted.example", "v=spf1 include:mx.ovh.com ~all")
                .txt("google.example", "v=spf1 include:_spf.google.com ~all")
                .txt("both.example", "v=spf1 include:_spf.google.com include:mx.ovh.com -all")
                .txt("redirected.example", "v=spf1 redirect=_spf.redirected.example")
                .txt("_spf.redirected.example", "v=spf1 include:mx.ovh.com -all");
        InetAddress provider = address("198.51.100.7");
        assertThat(new SpfEvaluator(zone).check(provider, "hosted.example", "a@hosted.example").result()).isEqualTo(SpfResult.PASS);
        SpfEvaluator.Outcome google = new SpfEvaluator(zone).check(provider, "google.example", "a@google.example");
        assertThat(google.result()).isEqualTo(SpfResult.SOFTFAIL);
        assertThat(google.dnsLookups()).isEqualTo(3);
        assertThat(new SpfEvaluator(zone).check(provider, "both.example", "a@both.example").result()).isEqualTo(SpfResult.PASS);
        SpfEvaluator.Outcome redirect = new SpfEvaluator(zone).check(provider, "redirected.example", "a@redirected.example");
        assertThat(redirect.result()).isEqualTo(SpfResult.PASS);
        assertThat(redirect.dnsLookups()).isEqualTo(3); // redirect, include, the provider's inner include
    }

    @Test
    void anIncludeLoopIsPermerrorNotAHang() {
        Zone zone = new Zone().txt("example.com", "v=spf1 include:a.example.com -all")
                .txt("a.example.com", "v=spf1 include:b.example.com -all").txt("b.example.com", "v=spf1 include:example.com -all");
        SpfEvaluator.Outcome o = new SpfEvaluator(zone).check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(o.error()).startsWith("loop:");
    }

    @Test
    void moreThanTenLookupsIsPermerrorAndTheCountStops() {
        Zone zone = new Zone();
        StringBuilder policy = new StringBuilder("v=spf1");
        for (int i = 1; i <= 12; i++) {
            policy.append(" include:i").append(i).append(".example.com");
            zone.txt("i" + i + ".example.com", "v=spf1 ip4:198.51.100." + i + " -all");
        }
        zone.txt("example.com", policy + " -all");
        SpfEvaluator.Outcome o = new SpfEvaluator(zone).check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(o.error()).contains("more than 10 DNS lookups");
        assertThat(o.dnsLookups()).isEqualTo(11);
        // ip4, ip6 and all do not count: 10 includes are the most a policy may have
        Zone ten = new Zone();
        StringBuilder tenPolicy = new StringBuilder("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32");
        for (int i = 1; i <= 10; i++) {
            tenPolicy.append(" include:i").append(i).append(".example.com");
            ten.txt("i" + i + ".example.com", "v=spf1 ip4:198.51.100." + i + " -all");
        }
        ten.txt("example.com", tenPolicy + " -all");
        assertThat(new SpfEvaluator(ten).check(address("203.0.113.1"), "example.com", "x@example.com").result()).isEqualTo(SpfResult.FAIL);
    }

    @Test
    void moreThanTwoVoidLookupsIsPermerror() {
        Zone zone = new Zone().txt("example.com", "v=spf1 a:gone1.example.com a:gone2.example.com a:gone3.example.com -all");
        SpfEvaluator.Outcome o = new SpfEvaluator(zone).check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(o.voidLookups()).isEqualTo(3);
        Zone two = new Zone().txt("example.com", "v=spf1 a:gone1.example.com a:gone2.example.com -all");
        SpfEvaluator.Outcome ok = new SpfEvaluator(two).check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(ok.result()).isEqualTo(SpfResult.FAIL);
        assertThat(ok.voidLookups()).isEqualTo(2);
    }

    @Test
    void syntaxErrorsAndIncludesWithoutPolicyArePermerror() {
        assertThat(new SpfEvaluator(new Zone().txt("example.com", "v=spf1 include:mx.ovh.com foo -all"))
                .check(address("192.0.2.1"), "example.com", "x@example.com").error()).contains("unknown mechanism \"foo\"");
        assertThat(check(new Zone().txt("example.com", "v=spf1 ip4:192.0.2.300 -all"), "192.0.2.1")).isEqualTo(SpfResult.PERMERROR);
        assertThat(check(new Zone().txt("example.com", "v=spf1 include:nothing.example.com -all"), "192.0.2.1"))
                .isEqualTo(SpfResult.PERMERROR);
        assertThat(check(new Zone().txt("example.com", "v=spf1 redirect=a.example.com redirect=b.example.com"), "192.0.2.1"))
                .isEqualTo(SpfResult.PERMERROR);
    }

    @Test
    void aFailingLookupIsTemperror() {
        Zone zone = new Zone().txt("example.com", "v=spf1 include:mx.ovh.com -all");
        zone.failing.add("mx.ovh.com");
        assertThat(check(zone, "192.0.2.1")).isEqualTo(SpfResult.TEMPERROR);
    }

    /** RFC 7208 7.4's examples. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%{s}            | strong-bad@email.example.com",
        "%{o}            | email.example.com",
        "%{d}            | email.example.com",
        "%{d4}           | email.example.com",
        "%{d3}           | email.example.com",
        "%{d2}           | example.com",
        "%{d1}           | com",
        "%{dr}           | com.example.email",
        "%{d2r}          | example.email",
        "%{l}            | strong-bad",
        "%{l-}           | strong.bad",
        "%{lr}           | strong-bad",
        "%{lr-}          | bad.strong",
        "%{l1r-}         | strong",
        "%{ir}.%{v}._spf.%{d2}   | 3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}    | bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2} | bad.strong.lp.3.2.0.192.in-addr._spf.example.com"})
    void theMacroExamplesOfRfc7208(String macro, String expected) throws Exception {
        assertThat(SpfEvaluator.expand(macro.strip(), address("192.0.2.3"), "email.example.com", "strong-bad@email.example.com"))
                .isEqualTo(expected.strip());
    }

    @Test
    void theIpv6MacroExampleOfRfc7208() throws Exception {
        assertThat(SpfEvaluator.expand("%{ir}.%{v}._spf.%{d2}", address("2001:db8::cb01"), "email.example.com", "strong-bad@email.example.com"))
                .isEqualTo("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    }

    /**
     * The ip6 prefix length was never checked (the ternary took the range test as its IPv4 branch): "/-1"
     * made a zero mask that let every IPv6 sender pass, "/200" threw ArrayIndexOutOfBoundsException for the
     * network's own address (and failed for the others).
     */
    @ParameterizedTest
    @CsvSource({
        "v=spf1 ip6:2001:db8::/-1 -all,  2001:db8::1",
        "v=spf1 ip6:2001:db8::/-1 -all,  2001:db9::1",
        "v=spf1 ip6:2001:db8::/-1 -all,  192.0.2.1",
        "v=spf1 ip6:2001:db8::/200 -all, 2001:db8::1",
        "v=spf1 ip6:2001:db8::/200 -all, 192.0.2.1",
        "v=spf1 ip6:2001:db8::/200 -all, 2001:db8::",
        "v=spf1 ip6:2001:db8::/129 -all, 2001:db8::1",
        "v=spf1 ip4:192.0.2.0/-1 -all,   192.0.2.1",
        "v=spf1 ip4:192.0.2.0/33 -all,   192.0.2.1"})
    void aPrefixLengthOutOfRangeIsPermerror(String policy, String ip) {
        SpfEvaluator.Outcome o = new SpfEvaluator(new Zone().txt("example.com", policy)).check(address(ip), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(o.error()).contains("prefix length");
    }

    @Test
    void ip6PrefixesStillMatchAsWritten() {
        Zone zone = new Zone().txt("example.com", "v=spf1 ip6:2001:db8::/0 -all").txt("one.example.com", "v=spf1 ip6:2001:db8::1/128 -all");
        assertThat(check(zone, "2001:db9::1")).isEqualTo(SpfResult.PASS);
        assertThat(check(zone, "192.0.2.1")).as("ip6 never matches an IPv4 sender").isEqualTo(SpfResult.FAIL);
        SpfEvaluator one = new SpfEvaluator(zone);
        assertThat(one.check(address("2001:db8::1"), "one.example.com", "x@one.example.com").result()).isEqualTo(SpfResult.PASS);
        assertThat(one.check(address("2001:db8::2"), "one.example.com", "x@one.example.com").result()).isEqualTo(SpfResult.FAIL);
    }

    /** RFC 7208 2.4: a bounce (empty MAIL FROM) is checked as postmaster at the HELO name. */
    @Test
    void aBounceIsCheckedForTheHeloName() {
        Zone zone = new Zone().txt("mail.example.net", "v=spf1 a -all exp=why.example.net")
                .a("mail.example.net", "192.0.2.7").txt("why.example.net", "%{s} is not %{h}");
        SpfEvaluator evaluator = new SpfEvaluator(zone);
        assertThat(evaluator.check(address("192.0.2.7"), "", "", "mail.example.net").result()).isEqualTo(SpfResult.PASS);
        SpfEvaluator.Outcome other = evaluator.check(address("192.0.2.8"), null, "", "mail.example.net");
        assertThat(other.result()).isEqualTo(SpfResult.FAIL);
        assertThat(other.explanation()).isEqualTo("postmaster@mail.example.net is not mail.example.net");
    }

    /** %{h} is the HELO name; the three-argument check, which knows none, keeps the domain there. */
    @Test
    void theHMacroIsTheHeloName() {
        Zone zone = new Zone().txt("example.com", "v=spf1 a:%{h} -all").a("mail.example.net", "192.0.2.7");
        SpfEvaluator evaluator = new SpfEvaluator(zone);
        assertThat(evaluator.check(address("192.0.2.7"), "example.com", "x@example.com", "mail.example.net").result())
                .isEqualTo(SpfResult.PASS);
        assertThat(evaluator.check(address("192.0.2.7"), "example.com", "x@example.com").result()).isEqualTo(SpfResult.FAIL);
    }

    /** exp= (6.2): %{c}, %{r} and %{t} in the text; looked up after the result, for a fail only, and never counted. */
    @Test
    void theExplanationOfAFail() {
        Zone zone = new Zone().txt("example.com", "v=spf1 a:gone.example.com -all exp=why.%{d}")
                .txt("why.example.com", "%{c} refused by %{r} at %{t}")
                .txt("soft.example.com", "v=spf1 ~all exp=why.example.com");
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
        SpfEvaluator.Outcome o = new SpfEvaluator(zone, clock).check(address("2001:db8:0:0:0:0:0:cb01"), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.FAIL);
        assertThat(o.explanation()).isEqualTo("2001:db8::cb01 refused by unknown at 1700000000");
        assertThat(o.dnsLookups()).as("a:gone only").isEqualTo(1);
        assertThat(o.voidLookups()).isEqualTo(1);
        assertThat(new SpfEvaluator(zone, clock).check(address("192.0.2.1"), "soft.example.com", "x@soft.example.com").explanation())
                .as("softfail: no explanation").isNull();
        assertThat(new SpfEvaluator.Outcome(SpfResult.FAIL, 1, 0, null).explanation()).as("the four-argument outcome").isNull();
    }

    @Test
    void ptrMatchesValidatedNamesAtOrBelowTheTarget() {
        Zone zone = new Zone().txt("example.com", "v=spf1 ptr -all").txt("other.example", "v=spf1 ptr:Example.COM -all")
                .ptr("192.0.2.7", "liar.example.com", "mail.example.com.").a("mail.example.com", "192.0.2.7")
                .a("liar.example.com", "192.0.2.99");
        assertThat(check(zone, "192.0.2.7")).isEqualTo(SpfResult.PASS);
        assertThat(new SpfEvaluator(zone).check(address("192.0.2.7"), "other.example", "x@other.example").result())
                .isEqualTo(SpfResult.PASS);
        zone.ptr("192.0.2.8", "mail.example.com");
        assertThat(check(zone, "192.0.2.8")).as("a name whose address is not the sender's").isEqualTo(SpfResult.FAIL);
    }

    /**
     * 4.6.4: ten PTR names at most are tried. The names come from whoever holds the address, so neither the
     * PTR lookup nor the names' address lookups count as void lookups of the policy.
     */
    @Test
    void ptrTriesTenNamesAndCountsNoVoidLookup() {
        Zone zone = new Zone().txt("example.com", "v=spf1 ptr -all").a("mail.example.com", "192.0.2.7");
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            names.add("n" + i + ".example.com");
        }
        names.add("mail.example.com");
        zone.ptr("192.0.2.7", names.toArray(String[]::new));
        SpfEvaluator.Outcome o = new SpfEvaluator(zone).check(address("192.0.2.7"), "example.com", "x@example.com");
        assertThat(o.result()).as("the 11th name is not tried").isEqualTo(SpfResult.FAIL);
        assertThat(o.voidLookups()).isZero();
        assertThat(o.dnsLookups()).isEqualTo(1);
        assertThat(check(new Zone().txt("example.com", "v=spf1 ptr -all"), "192.0.2.7")).as("no reverse DNS").isEqualTo(SpfResult.FAIL);
    }

    /** An SpfDns written before PTR existed keeps the default: ptr never matches, %{p} is "unknown". */
    @Test
    void aDnsWithoutPtrFindsNoName() {
        Zone zone = new Zone().txt("example.com", "v=spf1 ptr exists:%{p}.example.com -all").a("unknown.example.com", "127.0.0.2");
        SpfDns withoutPtr = new SpfDns() {
            @Override
            public Answer<String> txt(String name) {
                return zone.txt(name);
            }

            @Override
            public Answer<InetAddress> a(String name) {
                return zone.a(name);
            }

            @Override
            public Answer<InetAddress> aaaa(String name) {
                return zone.aaaa(name);
            }

            @Override
            public Answer<String> mx(String name) {
                return zone.mx(name);
            }
        };
        assertThat(new SpfEvaluator(withoutPtr).check(address("192.0.2.7"), "example.com", "x@example.com").result())
                .isEqualTo(SpfResult.PASS);
    }

    /** A null MX (RFC 7505, "." as the live DNS gives it) names no host: nothing to look up, nothing void. */
    @Test
    void aNullMxIsNoHost() {
        SpfEvaluator.Outcome o = new SpfEvaluator(new Zone().txt("example.com", "v=spf1 mx -all").mx("example.com", "."))
                .check(address("192.0.2.1"), "example.com", "x@example.com");
        assertThat(o.result()).isEqualTo(SpfResult.FAIL);
        assertThat(o.voidLookups()).isZero();
    }

    /** A name macros make that no query can carry (a label of 64) is a name that does not exist, not a DNS failure. */
    @Test
    void aMacroMadeNameNoQueryCanCarryMatchesNothing() {
        String local = "x".repeat(64);
        Zone zone = new Zone().txt("example.com", "v=spf1 a:%{l}.example.com -all");
        zone.failing.add(local + ".example.com"); // were it asked, the lookup would fail: temperror
        assertThat(new SpfEvaluator(zone).check(address("192.0.2.1"), "example.com", local + "@example.com").result())
                .isEqualTo(SpfResult.FAIL);
    }

    @Test
    void aMacroKeepingNoPartIsPermerror() {
        assertThat(check(new Zone().txt("example.com", "v=spf1 exists:%{d0}.example.com -all"), "192.0.2.1")).isEqualTo(SpfResult.PERMERROR);
    }
}
