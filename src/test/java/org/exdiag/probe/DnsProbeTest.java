package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.xbill.DNS.SimpleResolver;

/**
 * A diagnostic's DNS: each name and type asked once per run, whichever probes want it (the autodiscover
 * host by its own probe and by Outlook's ways, a private server by the SPF and sending-address checks);
 * over a sweep's resolver, which shares answers itself, nothing is kept.
 */
@Timeout(30)
class DnsProbeTest {
    private final TestDnsServer dns = start();

    private static TestDnsServer start() {
        try {
            return new TestDnsServer().a("autodiscover.example.test", "192.0.2.10");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    @Test
    void aDiagnosticAsksEachNameAndTypeOnce() {
        DnsProbe run = new DnsProbe(Endpoint.parse(dns.address(), 53), Duration.ofMillis(700));
        List<InetAddress> first = run.addresses("autodiscover.example.test").join();
        List<InetAddress> again = run.addresses("AUTODISCOVER.example.test.").join();
        run.aliased("autodiscover.example.test", org.xbill.DNS.Type.A).join();
        assertThat(first).isEqualTo(again).extracting(InetAddress::getHostAddress).containsExactly("192.0.2.10");
        assertThat(dns.queries("autodiscover.example.test")).as("A and AAAA, once each").isEqualTo(2);
    }

    @Test
    void overASweepsResolverEveryLookupIsAsked() throws Exception {
        Endpoint server = Endpoint.parse(dns.address(), 53);
        SimpleResolver resolver = new SimpleResolver(server.host());
        resolver.setPort(server.port());
        DnsProbe shared = new DnsProbe(resolver, Duration.ofMillis(700));
        shared.addresses("autodiscover.example.test").join();
        shared.addresses("autodiscover.example.test").join();
        assertThat(dns.queries("autodiscover.example.test")).isEqualTo(4);
    }
}
