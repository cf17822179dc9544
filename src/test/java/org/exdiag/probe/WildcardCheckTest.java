package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.exdiag.facts.LookupStatus;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Whether a random name under the domain resolves: true, false, or null when DNS could not say. */
class WildcardCheckTest {
    @AutoClose
    private final TestDnsServer dns = new TestDnsServer();

    WildcardCheckTest() throws Exception {
    }

    private Boolean check(String domain) {
        DnsProbe probe = new DnsProbe(Endpoint.parse(dns.address(), 53), Duration.ofMillis(300));
        return new WildcardCheck(probe, () -> "exdiag-0123456789abcdef").check(domain).join();
    }

    @Test
    void aWildcardAddressRecordResolvesTheRandomName() {
        dns.a("wild.test", "192.0.2.1").a("*.wild.test", "192.0.2.80");
        assertThat(check("wild.test")).isTrue();
    }

    @Test
    void aWildcardAliasResolvesItToo() {
        dns.a("alias.test", "192.0.2.1").cname("*.alias.test", "www.host.test").a("www.host.test", "192.0.2.80");
        assertThat(check("alias.test")).isTrue();
    }

    @Test
    void noWildcardIsFalse() {
        dns.a("plain.test", "192.0.2.1").a("www.plain.test", "192.0.2.2");
        assertThat(check("plain.test")).isFalse();
        assertThat(dns.queries("exdiag-0123456789abcdef.plain.test")).as("NXDOMAIN for A settles it: no AAAA query").isEqualTo(1);
    }

    @Test
    void aLookupThatFailsIsNotCheckedNeverFalse() {
        dns.a("down.test", "192.0.2.1").silent("exdiag-0123456789abcdef.down.test");
        assertThat(check("down.test")).isNull();
    }

    @Test
    void theVerdictOfTwoAnswers() {
        DnsProbe.Aliased nx = new DnsProbe.Aliased(LookupStatus.NXDOMAIN, null, List.of());
        DnsProbe.Aliased nodata = new DnsProbe.Aliased(LookupStatus.NODATA, null, List.of());
        DnsProbe.Aliased timeout = new DnsProbe.Aliased(LookupStatus.TIMEOUT, null, List.of());
        DnsProbe.Aliased servfail = new DnsProbe.Aliased(LookupStatus.SERVFAIL, null, List.of());
        DnsProbe.Aliased six = new DnsProbe.Aliased(LookupStatus.OK, null, List.of("2001:db8::80"));
        assertThat(WildcardCheck.verdict(nodata, nodata)).isFalse();
        assertThat(WildcardCheck.verdict(nodata, six)).as("AAAA only").isTrue();
        assertThat(WildcardCheck.verdict(timeout, six)).isTrue();
        assertThat(WildcardCheck.verdict(nodata, timeout)).as("A says nothing, AAAA could not").isNull();
        assertThat(WildcardCheck.verdict(servfail, nodata)).isNull();
        assertThat(WildcardCheck.verdict(nx, timeout)).as("no such name, whatever the type").isFalse();
    }

    @Test
    void theRandomLabelIsNewEachTime() {
        assertThat(WildcardCheck.randomLabel()).startsWith("exdiag-").hasSize(23).isNotEqualTo(WildcardCheck.randomLabel());
    }
}
