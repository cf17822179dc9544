package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.api.AbstractStringAssert;
import org.exdiag.TestSupport;
import org.exdiag.facts.AutodiscoverHostLookup;
import org.exdiag.facts.DkimProviderStatus;
import org.exdiag.facts.DkimSelectorFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.facts.SpfFacts;
import org.exdiag.facts.SpfResult;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The domain's own records probed live, from a DNS server on loopback serving real-looking zones, then
 * judged by the project's rules: every domain-record code must come out of real lookups, and a lookup
 * that fails must be DNS_LOOKUP_FAILED, never a missing record.
 */
@Timeout(60)
class DomainRecordsProbeTest {
    private static final String DOMAIN = "example.com";
    private static final Expectation HOSTED = new Expectation(Offer.HOSTED, MailSetup.EXCHANGE_ONLY, null);
    private static final Expectation PRIVATE = new Expectation(Offer.PRIVATE, MailSetup.EXCHANGE_ONLY, "mail.example.com");
    private static final List<String> PROVIDER_SPF = List.of("mx.ovh.com", "mx.ovh.ca");
    private static final String SELECTOR1 = "ovhex123456-selector1";
    private static final String SELECTOR2 = "ovhex123456-selector2";
    private static final String TARGET1 = SELECTOR1 + "._domainkey.1500.ab.dkim.mail.ovh.net";
    private static final String TARGET2 = SELECTOR2 + "._domainkey.1500.ab.dkim.mail.ovh.net";

    private TestDnsServer dns;
    private ExecutorService pool;

    @BeforeEach
    void start() throws Exception {
        dns = new TestDnsServer();
        pool = Executors.newFixedThreadPool(4);
        // The provider's own SPF records, as it publishes them (one network each here).
        dns.txt("mx.ovh.com", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:100::/48 ~all")
                .txt("mx.ovh.ca", "v=spf1 ip4:203.0.113.128/25 ~all");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        dns.close();
    }

    private FactsDocument probe(Expectation expect, List<DomainRecordsProbe.Selector> selectors) {
        DnsProbe probe = new DnsProbe(Endpoint.parse(dns.address(), 53), Duration.ofMillis(700));
        DomainRecordsProbe records = new DomainRecordsProbe(probe, pool);
        AutodiscoverHostLookup host = records.autodiscoverHost(DOMAIN).join();
        SpfFacts spf = records.senders(expect, PROVIDER_SPF).thenCompose(ips -> records.spf(DOMAIN, ips)).join();
        DnsLookup<String> dmarc = records.dmarc(DOMAIN).join();
        List<DkimSelectorFacts> dkim = selectors == null ? null : records.dkim(DOMAIN, selectors).join();
        return new FactsDocument(FactsDocument.VERSION, "jane@" + DOMAIN, null, null, Instant.parse("2026-12-01T10:00:00Z"), expect,
                new DnsFacts(null, null, host, spf, dmarc, dkim), null, null, null, null, null, null, null, null, null, null);
    }

    private static Report report(FactsDocument facts) {
        return TestSupport.expertise().report(facts, Language.EN);
    }

    private static List<String> codes(FactsDocument facts) {
        return report(facts).warnings().stream().map(ReportWarning::code).sorted().toList();
    }

    private static String evidence(FactsDocument facts, String code) {
        return report(facts).warnings().stream().filter(w -> w.code().equals(code)).findFirst()
                .map(w -> String.join("\n", w.evidence())).orElse("(no " + code + ")");
    }

    private static List<DomainRecordsProbe.Selector> providerSelectors(DkimProviderStatus one, DkimProviderStatus two) {
        return List.of(new DomainRecordsProbe.Selector(SELECTOR1, TARGET1, one),
                new DomainRecordsProbe.Selector(SELECTOR2, TARGET2, two));
    }

    private TestDnsServer healthyHosted(String spf) {
        return dns.txt(DOMAIN, spf).txt(DOMAIN, "google-site-verification=abc123")
                .txt("_dmarc." + DOMAIN, "v=DMARC1; p=none; rua=mailto:dmarc@example.com")
                .cname(SELECTOR1 + "._domainkey." + DOMAIN, TARGET1).txt(TARGET1, "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0B")
                .cname(SELECTOR2 + "._domainkey." + DOMAIN, TARGET2).txt(TARGET2, "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0C");
    }

    /** The domain publishes this TXT record (its SPF policy, as a rule) and a DMARC policy that asks nothing (p=none). */
    private TestDnsServer publishes(String txt) {
        return dns.txt(DOMAIN, txt).txt("_dmarc." + DOMAIN, "v=DMARC1; p=none");
    }

    /** The report on these facts has this warning and no other; its evidence is returned to be checked. */
    private static AbstractStringAssert<?> assertOnlyWarning(FactsDocument facts, String code) {
        assertThat(codes(facts)).containsExactly(code);
        return assertThat(evidence(facts, code));
    }

    @Test
    void aHealthyHostedDomainInEuropeHasNothingToSay() {
        healthyHosted("v=spf1 include:mx.ovh.com ~all").cname("autodiscover." + DOMAIN, "ex.mail.ovh.net").a("ex.mail.ovh.net", "198.51.100.20");

        FactsDocument facts = probe(HOSTED, providerSelectors(DkimProviderStatus.IN_PRODUCTION, DkimProviderStatus.READY));

        SpfFacts spf = facts.dns().spf();
        assertThat(spf.records()).containsExactly("v=spf1 include:mx.ovh.com ~all");
        assertThat(spf.dnsLookups()).isEqualTo(1);
        assertThat(spf.voidLookups()).isZero();
        assertThat(spf.checks()).as("one address of mx.ovh.com, one of mx.ovh.ca (Canada: not named here)")
                .extracting(c -> c.result()).containsExactly(SpfResult.PASS, SpfResult.SOFTFAIL);
        assertThat(facts.dns().dkim()).extracting(DkimSelectorFacts::cname).containsExactly(TARGET1 + ".", TARGET2 + ".");
        assertThat(facts.dns().autodiscoverHost().cname()).isEqualTo("ex.mail.ovh.net.");
        assertThat(codes(facts)).isEmpty();
    }

    @Test
    void aHealthyHostedDomainInCanadaIncludesTheCanadianDomain() {
        healthyHosted("v=spf1 include:mx.ovh.ca -all");

        FactsDocument facts = probe(HOSTED, providerSelectors(DkimProviderStatus.IN_PRODUCTION, DkimProviderStatus.READY));

        assertThat(facts.dns().spf().checks()).extracting(c -> c.result()).containsExactly(SpfResult.FAIL, SpfResult.PASS);
        assertThat(codes(facts)).isEmpty();
    }

    @Test
    void aPrivateServerIsCheckedAgainstItsOwnAddresses() {
        dns.a("mail.example.com", "203.0.113.7").aaaa("mail.example.com", "2001:db8::7")
                .txt(DOMAIN, "v=spf1 a:mail.example.com mx -all").txt("_dmarc." + DOMAIN, "v=DMARC1; p=quarantine");

        FactsDocument facts = probe(PRIVATE, null);

        assertThat(facts.dns().spf().checks()).extracting(c -> c.ip() + " " + c.result().wire())
                .containsExactlyInAnyOrder("203.0.113.7 pass", "2001:db8:0:0:0:0:0:7 pass");
        assertThat(facts.dns().spf().voidLookups()).as("mx finds no MX record: one void lookup").isEqualTo(1);
        assertThat(codes(facts)).isEmpty();
    }

    @Test
    void aFailKeepsThePolicysOwnExplanation() {
        publishes("v=spf1 include:mx.ovh.com -all exp=why.%{d}").a("mail.example.com", "203.0.113.7")
                .txt("why." + DOMAIN, "%{i} is not one of %{d}'s servers");

        FactsDocument facts = probe(PRIVATE, null);

        assertThat(facts.dns().spf().checks()).singleElement().satisfies(c ->
                assertThat(c.explanation()).isEqualTo("203.0.113.7 is not one of example.com's servers"));
        assertOnlyWarning(facts, "SPF_INVALID").contains("the policy explains: \"203.0.113.7 is not one of example.com's servers\"");
    }

    @Test
    void aPrivateServerThePolicyDoesNotNameIsNotAuthorized() {
        publishes("v=spf1 include:mx.ovh.com -all").a("mail.example.com", "203.0.113.7");

        FactsDocument facts = probe(PRIVATE, null);

        assertOnlyWarning(facts, "SPF_INVALID").contains("203.0.113.7").contains("the address of mail.example.com");
    }

    @Test
    void noSpfRecordAmongOtherTxtRecordsIsMissing() {
        publishes("google-site-verification=abc123");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().status()).isEqualTo(LookupStatus.NODATA);
        assertOnlyWarning(facts, "SPF_MISSING").contains("include:mx.ovh.com or include:mx.ovh.ca");
    }

    @Test
    void twoSpfRecordsAreInvalid() {
        publishes("v=spf1 include:mx.ovh.com ~all").txt(DOMAIN, "v=spf1 include:_spf.google.com ~all");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().records()).hasSize(2);
        assertOnlyWarning(facts, "SPF_INVALID").contains("publishes 2 SPF records");
    }

    @Test
    void plusAllIsInvalid() {
        publishes("v=spf1 include:mx.ovh.com +all");

        assertThat(codes(probe(HOSTED, null))).containsExactly("SPF_INVALID");
    }

    @Test
    void anIncludeChainOverTenLookupsIsInvalidAndEvaluationStops() {
        StringBuilder top = new StringBuilder("v=spf1");
        for (int i = 1; i <= 6; i++) {
            top.append(" include:spf").append(i).append(".example.net");
            dns.txt("spf" + i + ".example.net", "v=spf1 a:host" + i + ".example.net ip4:198.18.0." + i + " ~all")
                    .a("host" + i + ".example.net", "198.18.1." + i);
        }
        publishes(top + " include:mx.ovh.com ~all");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().dnsLookups()).isEqualTo(11);
        assertThat(facts.dns().spf().error()).contains("10");
        assertOnlyWarning(facts, "SPF_INVALID").contains("needs more than 10 DNS lookups");
    }

    @Test
    void anIncludeLoopEndsAsAnErrorNotAHang() {
        publishes("v=spf1 include:loop-a.example.net include:mx.ovh.com ~all")
                .txt("loop-a.example.net", "v=spf1 include:loop-b.example.net ~all")
                .txt("loop-b.example.net", "v=spf1 include:loop-a.example.net ~all");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().error()).isNotNull();
        assertThat(codes(facts)).containsExactly("SPF_INVALID");
    }

    @Test
    void voidLookupsOverTwoAreInvalid() {
        publishes("v=spf1 a:gone1.example.net a:gone2.example.net a:gone3.example.net include:mx.ovh.com ~all");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().voidLookups()).isEqualTo(3);
        assertOnlyWarning(facts, "SPF_INVALID").contains("find nothing more than 2 times");
    }

    @Test
    void aGoogleOnlySpfOnAHostedMailboxDoesNotNameTheProvider() {
        publishes("v=spf1 include:_spf.google.com ~all")
                .txt("_spf.google.com", "v=spf1 include:_netblocks.google.com ~all")
                .txt("_netblocks.google.com", "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ~all");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().checks()).extracting(c -> c.result()).containsOnly(SpfResult.SOFTFAIL);
        assertOnlyWarning(facts, "SPF_INVALID").isEqualTo("example.com publishes `v=spf1 include:_spf.google.com ~all`; "
                + "mail sent through the provider comes from servers it does not name: add include:mx.ovh.com or include:mx.ovh.ca");
    }

    @Test
    void anIncludeThatItselfIncludesTheProviderIsEnough() {
        publishes("v=spf1 include:_spf.example.com -all")
                .txt("_spf.example.com", "v=spf1 include:mx.ovh.com include:_spf.google.com ~all")
                .txt("_spf.google.com", "v=spf1 ip4:35.190.247.0/24 ~all");

        assertThat(codes(probe(HOSTED, null))).isEmpty();
    }

    @Test
    void dmarcMissingWithoutPolicyAndDoubled() {
        dns.txt(DOMAIN, "v=spf1 include:mx.ovh.com ~all");
        assertThat(codes(probe(HOSTED, null))).containsExactly("DMARC_MISSING");

        dns.txt("_dmarc." + DOMAIN, "v=DMARC1; rua=mailto:dmarc@example.com");
        assertThat(codes(probe(HOSTED, null))).containsExactly("DMARC_INVALID");

        dns.txt("_dmarc." + DOMAIN, "v=DMARC1; p=reject");
        FactsDocument doubled = probe(HOSTED, null);
        assertThat(doubled.dns().dmarc().records()).hasSize(2);
        assertOnlyWarning(doubled, "DMARC_INVALID").contains("publishes 2 DMARC records");
    }

    @Test
    void dkimSelectorsInEachProviderState() {
        healthyHosted("v=spf1 include:mx.ovh.com ~all");
        // Listed by the provider but never switched on.
        assertThat(codes(probe(HOSTED, List.of()))).containsExactly("DKIM_NOT_ENABLED");
        assertThat(codes(probe(HOSTED, providerSelectors(DkimProviderStatus.TODO, DkimProviderStatus.TODO))))
                .containsExactly("DKIM_NOT_ENABLED");
        assertThat(codes(probe(HOSTED, List.of(new DomainRecordsProbe.Selector(SELECTOR1, TARGET1, DkimProviderStatus.IN_PRODUCTION)))))
                .containsExactly("DKIM_NOT_ENABLED");
        assertThat(codes(probe(HOSTED, providerSelectors(DkimProviderStatus.READY, DkimProviderStatus.READY))))
                .containsExactly("DKIM_NOT_ENABLED");
        assertThat(codes(probe(HOSTED, providerSelectors(DkimProviderStatus.DISABLING, DkimProviderStatus.DELETING))))
                .containsExactly("DKIM_NOT_ENABLED");
        assertThat(codes(probe(HOSTED, providerSelectors(DkimProviderStatus.IN_PRODUCTION, DkimProviderStatus.READY)))).isEmpty();
    }

    @Test
    void dkimRecordsMissingOrPointingElsewhere() {
        publishes("v=spf1 include:mx.ovh.com ~all")
                .cname(SELECTOR1 + "._domainkey." + DOMAIN, "selector1-example-com._domainkey.example.onmicrosoft.com")
                .txt("selector1-example-com._domainkey.example.onmicrosoft.com", "v=DKIM1; k=rsa; p=MIIB");

        FactsDocument facts = probe(HOSTED, providerSelectors(DkimProviderStatus.IN_PRODUCTION, DkimProviderStatus.WAITING_RECORD));

        assertThat(facts.dns().dkim()).extracting(d -> d.status().wire()).containsExactly("ok", "nxdomain");
        assertOnlyWarning(facts, "DKIM_INVALID")
                .contains("is an alias of selector1-example-com._domainkey.example.onmicrosoft.com")
                .contains(SELECTOR2 + "._domainkey.example.com has no record");
    }

    @Test
    void aSelectorNamedByTheUserIsLookedUpWithoutProviderState() {
        publishes("v=spf1 include:mx.ovh.com ~all")
                .txt("selector1._domainkey." + DOMAIN, "v=DKIM1; k=rsa; p=MIIB");

        FactsDocument facts = probe(HOSTED, List.of(new DomainRecordsProbe.Selector("selector1", null, null),
                new DomainRecordsProbe.Selector("selector2", null, null)));

        assertThat(facts.dns().dkim()).extracting(DkimSelectorFacts::record).containsExactly("v=DKIM1; k=rsa; p=MIIB", null);
        assertThat(codes(facts)).containsExactly("DKIM_INVALID");
    }

    @Test
    void theAutodiscoverLeftoverOfTheOtherOffer() {
        publishes("v=spf1 include:mx.ovh.com ~all")
                .cname("autodiscover." + DOMAIN, "mailconfig.ovh.net").a("mailconfig.ovh.net", "198.51.100.30");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().autodiscoverHost().addresses()).containsExactly("198.51.100.30");
        assertOnlyWarning(facts, "AUTODISCOVER_CONFLICT").contains("left over from the provider's other mail offer");
    }

    @Test
    void servfailOnEachRecordIsCouldNotCheck() {
        dns.servfail(DOMAIN).servfail("_dmarc." + DOMAIN).servfail("autodiscover." + DOMAIN)
                .servfail(SELECTOR1 + "._domainkey." + DOMAIN).servfail(SELECTOR2 + "._domainkey." + DOMAIN);

        FactsDocument facts = probe(HOSTED, providerSelectors(DkimProviderStatus.IN_PRODUCTION, DkimProviderStatus.READY));
        Report report = report(facts);

        assertThat(report.warnings()).extracting(ReportWarning::code).containsOnly("DNS_LOOKUP_FAILED");
        assertThat(report.couldNotCheck()).extracting(c -> c.part() + ": " + c.reason()).containsExactlyInAnyOrder(
                "dns.spf: SPF (TXT) lookup for example.com ended with servfail (the DNS server failed): the record could not be checked",
                "dns.dmarc: DMARC (TXT) lookup for _dmarc.example.com ended with servfail (the DNS server failed): the record could not be checked",
                "dns.dkim: DKIM (TXT) lookup for " + SELECTOR1 + "._domainkey.example.com ended with servfail (the DNS server failed): the record could not be checked",
                "dns.dkim: DKIM (TXT) lookup for " + SELECTOR2 + "._domainkey.example.com ended with servfail (the DNS server failed): the record could not be checked",
                "dns.autodiscoverHost: A lookup for autodiscover.example.com ended with servfail (the DNS server failed): the record could not be checked");
        assertThat(report.verdict().wire()).isEqualTo("incomplete");
    }

    @Test
    void timeoutsOnEachRecordAreCouldNotCheckNeverMissing() {
        dns.silent(DOMAIN).silent("_dmarc." + DOMAIN).silent("autodiscover." + DOMAIN)
                .silent(SELECTOR1 + "._domainkey." + DOMAIN);

        FactsDocument facts = probe(HOSTED, List.of(new DomainRecordsProbe.Selector(SELECTOR1, TARGET1, DkimProviderStatus.IN_PRODUCTION)));

        assertThat(facts.dns().spf().status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(facts.dns().dmarc().status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(facts.dns().autodiscoverHost().status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(facts.dns().dkim().get(0).status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(codes(facts)).doesNotContain("SPF_MISSING", "DMARC_MISSING", "DKIM_INVALID").contains("DNS_LOOKUP_FAILED");
    }

    @Test
    void anIncludeThatTimesOutMakesThePolicyCouldNotCheck() {
        publishes("v=spf1 include:slow.example.net include:mx.ovh.com ~all").silent("slow.example.net");

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().error()).startsWith("temperror");
        assertThat(codes(facts)).containsExactly("DNS_LOOKUP_FAILED");
    }

    @Test
    void longSpfRecordsSplitIntoStringsAreJoined() {
        StringBuilder record = new StringBuilder("v=spf1");
        for (int i = 1; i <= 30; i++) {
            record.append(" ip4:192.0.2.").append(i);
        }
        record.append(" include:mx.ovh.com ~all");
        publishes(record.toString());

        FactsDocument facts = probe(HOSTED, null);

        assertThat(facts.dns().spf().records()).containsExactly(record.toString());
        assertThat(codes(facts)).isEmpty();
    }
}
