package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.exdiag.TestSupport;
import org.exdiag.expected.BlockLists;
import org.exdiag.facts.BlockListStatus;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.facts.SendingIpFacts;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sending address checked live against a DNS server on loopback that serves its reverse zone, the
 * names its PTR gives and two block lists, then judged by the project's rules and block-list settings
 * (expected-values.yaml): a listing is SENDER_IP_LISTED with the list's text, a list that refuses or does
 * not answer is "could not check" and never a listing, a missing or unconfirmed PTR is SENDER_PTR_MISSING.
 */
@Timeout(60)
class SendingIpProbeTest {
    private static final String IP = "203.0.113.7";
    private static final String SPAMHAUS = "zen.spamhaus.org";
    private static final String SPAMCOP = "bl.spamcop.net";

    private final TestDnsServer dns = startDns();

    private static TestDnsServer startDns() {
        try {
            return new TestDnsServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    /** The lists as the bundled expected-values.yaml defines them, asked for two zones. */
    private static BlockLists lists() {
        return TestSupport.expertise().rules().expectedValues().blockLists().withZones(List.of(SPAMHAUS, SPAMCOP));
    }

    private SendingIpFacts check(String ip) throws Exception {
        DnsProbe probe = new DnsProbe(Endpoint.parse(dns.address(), 53), Duration.ofMillis(700));
        return SendingIpProbe.check(probe, InetAddress.getByName(ip), lists()).join();
    }

    private static Report report(SendingIpFacts seen) {
        FactsBuilder facts = new FactsBuilder("jane@example.com", null, Instant.parse("2026-12-01T10:00:00Z"));
        facts.expect = new Expectation(Offer.PRIVATE, MailSetup.EXCHANGE_ONLY, "mail.example.com");
        facts.sendingIp = List.of(seen);
        return TestSupport.expertise().report(facts.build(), Language.EN);
    }

    private static List<String> codes(SendingIpFacts seen) {
        return report(seen).warnings().stream().map(ReportWarning::code).sorted().toList();
    }

    private static String evidence(SendingIpFacts seen, String code) {
        return report(seen).warnings().stream().filter(w -> w.code().equals(code)).findFirst().orElseThrow()
                .evidence().toString();
    }

    private TestDnsServer confirmedPtr() {
        return dns.ptr(IP, "mail.example.com").a("mail.example.com", IP);
    }

    @Test
    void anAddressWithAConfirmedPtrOnNoListIsHealthy() throws Exception {
        confirmedPtr();
        SendingIpFacts seen = check(IP);
        assertThat(seen.ptr().status()).isEqualTo(LookupStatus.OK);
        assertThat(seen.ptr().names()).containsExactly("mail.example.com");
        assertThat(seen.forwardConfirmed()).isTrue();
        assertThat(seen.lists()).extracting(SendingIpFacts.BlockListAnswer::status)
                .containsExactly(BlockListStatus.CLEAR, BlockListStatus.CLEAR);
        assertThat(codes(seen)).isEmpty();
    }

    @Test
    void aListingIsReportedWithTheListsOwnText() throws Exception {
        confirmedPtr().a("7.113.0.203." + SPAMHAUS, "127.0.0.2")
                .txt("7.113.0.203." + SPAMHAUS, "Listed by SBL, see https://check.spamhaus.org/sbl/query/SBL1");
        SendingIpFacts seen = check(IP);
        SendingIpFacts.BlockListAnswer spamhaus = seen.lists().get(0);
        assertThat(spamhaus.status()).isEqualTo(BlockListStatus.LISTED);
        assertThat(spamhaus.answers()).containsExactly("127.0.0.2");
        assertThat(spamhaus.text()).startsWith("Listed by SBL");
        assertThat(seen.lists().get(1).status()).isEqualTo(BlockListStatus.CLEAR);
        assertThat(codes(seen)).containsExactly("SENDER_IP_LISTED");
        assertThat(evidence(seen, "SENDER_IP_LISTED")).contains("203.0.113.7 is listed on zen.spamhaus.org", "Listed by SBL");
    }

    @Test
    void aListThatRefusesTheQueryIsCouldNotCheckNeverAListing() throws Exception {
        // Spamhaus's answer to queries through public resolvers: inside 127.0.0.0/8, yet not a listing.
        confirmedPtr().a("7.113.0.203." + SPAMHAUS, "127.255.255.254");
        SendingIpFacts seen = check(IP);
        assertThat(seen.lists().get(0).status()).isEqualTo(BlockListStatus.ERROR);
        assertThat(seen.lists().get(0).answers()).containsExactly("127.255.255.254");
        assertThat(seen.lists().get(0).text()).isNull();
        assertThat(codes(seen)).containsExactly("DNS_LOOKUP_FAILED");
        assertThat(evidence(seen, "DNS_LOOKUP_FAILED")).contains("zen.spamhaus.org did not say whether 203.0.113.7 is listed");
    }

    @Test
    void aListThatDoesNotAnswerOrFailsIsCouldNotCheck() throws Exception {
        confirmedPtr().silent("7.113.0.203." + SPAMHAUS).servfail("7.113.0.203." + SPAMCOP);
        SendingIpFacts seen = check(IP);
        assertThat(seen.lists()).extracting(SendingIpFacts.BlockListAnswer::status)
                .containsExactly(BlockListStatus.ERROR, BlockListStatus.ERROR);
        assertThat(codes(seen)).containsExactly("DNS_LOOKUP_FAILED");
    }

    @Test
    void anAddressWithoutPtrIsSenderPtrMissing() throws Exception {
        SendingIpFacts seen = check(IP);
        assertThat(seen.ptr().status()).isEqualTo(LookupStatus.NXDOMAIN);
        assertThat(seen.forwardConfirmed()).isNull();
        assertThat(codes(seen)).containsExactly("SENDER_PTR_MISSING");
        assertThat(evidence(seen, "SENDER_PTR_MISSING")).contains("203.0.113.7 has no reverse DNS name");
    }

    @Test
    void aPtrNameThatDoesNotResolveBackIsNotConfirmed() throws Exception {
        dns.ptr(IP, "host-7.isp.example").a("host-7.isp.example", "198.51.100.99");
        SendingIpFacts seen = check(IP);
        assertThat(seen.forwardConfirmed()).isFalse();
        assertThat(codes(seen)).containsExactly("SENDER_PTR_MISSING");
        assertThat(evidence(seen, "SENDER_PTR_MISSING")).contains("(host-7.isp.example) does not resolve back to it");
    }

    @Test
    void aPtrLookupThatTimesOutIsCouldNotCheckNotAMissingPtr() throws Exception {
        dns.silent("7.113.0.203.in-addr.arpa");
        SendingIpFacts seen = check(IP);
        assertThat(seen.ptr().status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(seen.forwardConfirmed()).isNull();
        assertThat(codes(seen)).containsExactly("DNS_LOOKUP_FAILED");
    }

    @Test
    void aForwardLookupThatFailsLeavesTheConfirmationUnknown() throws Exception {
        dns.ptr(IP, "mail.example.com").servfail("mail.example.com");
        SendingIpFacts seen = check(IP);
        assertThat(seen.forwardConfirmed()).isNull();
        assertThat(codes(seen)).isEmpty();
    }

    @Test
    void anIpv6AddressIsAskedByNibbles() throws Exception {
        assertThat(SendingIpProbe.reversed(InetAddress.getByName("2001:db8::1")))
                .isEqualTo("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.");
        assertThat(SendingIpProbe.reversed(InetAddress.getByName(IP))).isEqualTo("7.113.0.203.");
    }

    /** The probe as a diagnostic runs it: the private server's own addresses, and those the user gave. */
    @Test
    void aDiagnosticChecksThePrivateServerAndTheAddressesGiven() {
        dns.a("mail.example.com", IP).ptr(IP, "mail.example.com").a("7.113.0.203." + SPAMHAUS, "127.0.0.4");
        DiagnosticSettings settings = DiagnosticSettings.defaults().with(b -> {
            b.dns = Endpoint.parse(dns.address(), 53);
            b.dnsTimeout = Duration.ofMillis(700);
            b.expect = new Expectation(Offer.PRIVATE, MailSetup.EXCHANGE_ONLY, "mail.example.com");
            b.sendingIps = List.of("198.51.100.8");
            b.blockLists = lists();
        });
        FactsBuilder facts = new FactsBuilder("jane@example.com", null, Instant.parse("2026-12-01T10:00:00Z"));
        try (ProbeRun run = new ProbeRun(settings, "jane@example.com", "example.com", null, ProgressListener.NONE)) {
            run.gather(List.of(new SendingIpProbe()), facts, Duration.ofSeconds(20));
        }
        FactsDocument doc = facts.build();
        assertThat(doc.sendingIp()).extracting(SendingIpFacts::address).containsExactly("198.51.100.8", IP);
        assertThat(doc.sendingIp().get(1).lists().get(0).status()).isEqualTo(BlockListStatus.LISTED);
        assertThat(doc.sendingIp().get(0).ptr().status()).isEqualTo(LookupStatus.NXDOMAIN);
    }

    @Test
    void withoutAnAddressToCheckTheSectionIsNotProbed() {
        DiagnosticSettings settings = DiagnosticSettings.defaults().with(b -> b.dns = Endpoint.parse(dns.address(), 53));
        FactsBuilder facts = new FactsBuilder("jane@example.com", null, Instant.parse("2026-12-01T10:00:00Z"));
        try (ProbeRun run = new ProbeRun(settings, "jane@example.com", "example.com", null, ProgressListener.NONE)) {
            run.gather(List.of(new SendingIpProbe()), facts, Duration.ofSeconds(20));
        }
        assertThat(facts.build().sendingIp()).isNull();
        assertThat(facts.build().couldNotCheck()).isNull();
    }
}
