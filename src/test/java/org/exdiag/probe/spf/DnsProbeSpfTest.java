package org.exdiag.probe.spf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.exdiag.facts.SpfResult;
import org.exdiag.probe.DnsProbe;
import org.exdiag.probe.Endpoint;
import org.exdiag.probe.TestDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The evaluator over the live DNS implementation, against a DNS server on loopback: PTR and the octets of TXT records. */
@Timeout(60)
class DnsProbeSpfTest {
    private TestDnsServer server;
    private SpfDns dns;

    @BeforeEach
    void start() throws Exception {
        server = new TestDnsServer();
        dns = new DnsProbeSpf(new DnsProbe(Endpoint.parse(server.address(), 53), Duration.ofMillis(700)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SpfEvaluator.Outcome check(String ip) throws Exception {
        return new SpfEvaluator(dns).check(InetAddress.getByName(ip), "example.com", "someone@example.com", "mail.example.com");
    }

    @Test
    void ptrMatchesAValidatedNameOfTheDomainOverIpv4AndIpv6() throws Exception {
        server.txt("example.com", "v=spf1 ptr -all")
                .ptr("192.0.2.10", "mail.example.com").a("mail.example.com", "192.0.2.10")
                .ptr("2001:db8::25", "mail6.example.com").aaaa("mail6.example.com", "2001:db8::25")
                .ptr("192.0.2.66", "mail.example.com"); // claims a name whose address is another
        assertThat(dns.ptr(InetAddress.getByName("192.0.2.10")).records()).containsExactly("mail.example.com.");
        assertThat(check("192.0.2.10").result()).isEqualTo(SpfResult.PASS);
        assertThat(check("2001:db8::25").result()).isEqualTo(SpfResult.PASS);
        assertThat(check("192.0.2.66").result()).as("not validated").isEqualTo(SpfResult.FAIL);
        assertThat(check("192.0.2.99").result()).as("no reverse DNS").isEqualTo(SpfResult.FAIL);
    }

    @Test
    void theExplanationIsLookedUpLive() throws Exception {
        server.txt("example.com", "v=spf1 -all exp=exp.example.com").txt("exp.example.com", "%{c} is %{p}, not allowed")
                .ptr("2001:db8::25", "mail6.example.com").aaaa("mail6.example.com", "2001:db8::25");
        assertThat(check("2001:db8::25").explanation()).isEqualTo("2001:db8::25 is mail6.example.com, not allowed");
    }

    /** dnsjava's text form escapes these octets into printable "\239"; the evaluator must see the octets. */
    @Test
    void nonAsciiAndControlOctetsInARecordArePermerror() throws Exception {
        server.txt("example.com", "v=spf1 a:\\239\\187\\191garbage.example.net -all")
                .txt("ctrl.example.com", "v=spf1 a:ctrl.example.com\\013ptr -all");
        assertThat(dns.txt("example.com").records()).containsExactly("v=spf1 a:\u00ef\u00bb\u00bfgarbage.example.net -all");
        SpfEvaluator.Outcome hosed = check("192.0.2.10");
        assertThat(hosed.result()).isEqualTo(SpfResult.PERMERROR);
        assertThat(hosed.error()).contains("U+00EF");
        assertThat(new SpfEvaluator(dns).check(InetAddress.getByName("192.0.2.10"), "ctrl.example.com", "x@ctrl.example.com").error())
                .contains("U+000D");
    }
}
