package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exdiag.probe.client.AutodiscoverLab.exchangeServer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.exdiag.facts.AutodiscoverMethod;
import org.exdiag.facts.ClientFacts;
import org.exdiag.facts.ClientFacts.Attempt;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.EwsLogin;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsBuilder;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.facts.TlsStatus;
import org.exdiag.probe.client.AutodiscoverLab;
import org.exdiag.probe.client.TestCertificates.Identity;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client probe against Outlook's servers made by the test, on loopback only: the website on the root
 * domain, autodiscover.<domain>, the plain-http redirect and the provider's SRV target each on an address
 * of 127.0.0.0/8 named by the test DNS server, with certificates of a test CA. Proves the order of the
 * attempts, every TLS status, redirects, schemes, XML errors, EWS, and where the password went.
 */
@Timeout(60)
class ClientProbeTest {
    private static final String MAILBOX = "jane@example.com";
    private static final String PASSWORD = "Client-Probe-P4ss-5d2a";
    private static final String WEBSITE = "127.0.0.2";
    private static final String AUTODISCOVER = "127.0.0.3";
    private static final String PROVIDER = "127.0.0.4";
    private static final String NOTHING = "127.0.0.9";

    @AutoClose
    private final AutodiscoverLab lab = new AutodiscoverLab();
    @AutoClose
    private final TestDnsServer dns = zone();

    private static TestDnsServer zone() {
        TestDnsServer dns;
        try {
            dns = new TestDnsServer();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return dns.srv("_autodiscover._tcp.example.com", 0, 0, 443, "ex.mail.ovh.net").a("ex.mail.ovh.net", PROVIDER)
                .a("ex2.mail.ovh.net", NOTHING);
    }

    private String ewsUrl() {
        return "https://ex.mail.ovh.net:" + lab.httpsPort + "/EWS/Exchange.asmx";
    }

    private String providerAutodiscover() {
        return "https://ex.mail.ovh.net:" + lab.httpsPort + "/autodiscover/autodiscover.xml";
    }

    private AutodiscoverLab provider(Identity identity) {
        return lab.https(PROVIDER, identity, exchangeServer(MAILBOX, PASSWORD, ewsUrl()));
    }

    private ClientFacts probe() {
        return probe(AddressPolicy.ANY, PASSWORD);
    }

    private ClientFacts probe(AddressPolicy redirects, String password) {
        DiagnosticSettings settings = DiagnosticSettings.defaults().with(b -> {
            b.dns = Endpoint.parse(dns.address(), 53);
            b.dnsTimeout = Duration.ofSeconds(1);
            b.connectTimeout = Duration.ofSeconds(3);
            b.expect = new Expectation(Offer.HOSTED, MailSetup.EXCHANGE_ONLY, null);
            b.client = new ClientSettings(lab.httpsPort, lab.httpPort, List.of(lab.certs.root.leaf()),
                    Set.of("ex.mail.ovh.net", "ex2.mail.ovh.net"), redirects);
        });
        FactsBuilder facts = new FactsBuilder(MAILBOX, null, Instant.now());
        try (ProbeRun run = new ProbeRun(settings, MAILBOX, "example.com", new Secret(password.toCharArray()), ProgressListener.NONE)) {
            Probe<org.exdiag.facts.DnsLookup<org.exdiag.facts.SrvRecord>> srv = DnsRecordProbe.autodiscoverSrv();
            run.gather(List.of(srv, new ClientProbe(srv, Clock.systemUTC())), facts, Duration.ofSeconds(30));
        }
        return facts.build().client();
    }

    private static Attempt first(ClientFacts client, AutodiscoverMethod method) {
        return client.autodiscover().attempts().stream().filter(a -> a.method() == method).findFirst().orElseThrow();
    }

    private static List<Attempt> all(ClientFacts client, AutodiscoverMethod method) {
        return client.autodiscover().attempts().stream().filter(a -> a.method() == method).toList();
    }

    @Test
    void theSrvWayGivesTheSettingsAfterTheWebsiteAndEwsAcceptsThePassword() {
        dns.a("example.com", WEBSITE);
        lab.https(WEBSITE, lab.certs.valid("example.com", "www.example.com"), AutodiscoverLab.website());
        provider(lab.certs.valid("ex.mail.ovh.net"));

        ClientFacts client = probe();

        assertThat(client.autodiscover().attempts()).extracting(Attempt::method).containsExactly(AutodiscoverMethod.ROOT_DOMAIN,
                AutodiscoverMethod.AUTODISCOVER_HOST, AutodiscoverMethod.HTTP_REDIRECT, AutodiscoverMethod.SRV);
        Attempt root = first(client, AutodiscoverMethod.ROOT_DOMAIN);
        assertThat(root.url()).isEqualTo("https://example.com:" + lab.httpsPort + "/autodiscover/autodiscover.xml");
        assertThat(root.address()).isEqualTo(WEBSITE);
        assertThat(root.tls().status()).isEqualTo(TlsStatus.OK);
        assertThat(root.tls().names()).containsExactly("example.com", "www.example.com");
        assertThat(root.http().status()).isEqualTo(404);
        assertThat(root.response()).isNull();
        assertThat(first(client, AutodiscoverMethod.AUTODISCOVER_HOST).connect()).isEqualTo(ConnectResult.UNRESOLVED);
        assertThat(first(client, AutodiscoverMethod.HTTP_REDIRECT).connect()).isEqualTo(ConnectResult.UNRESOLVED);
        Attempt srv = first(client, AutodiscoverMethod.SRV);
        assertThat(srv.url()).isEqualTo(providerAutodiscover());
        assertThat(srv.tls().subject()).isEqualTo("CN=ex.mail.ovh.net");
        assertThat(srv.tls().issuer()).isEqualTo("CN=exdiag test intermediate");
        assertThat(srv.tls().notAfter()).isAfter(Instant.now());
        assertThat(srv.http().status()).isEqualTo(200);
        assertThat(srv.response().protocols()).extracting(ClientFacts.Protocol::type).containsExactly("EXCH", "EXPR");
        assertThat(client.autodiscover().result()).isEqualTo(new ClientFacts.Result(AutodiscoverMethod.SRV, ewsUrl()));
        assertThat(client.ews().login()).isEqualTo(EwsLogin.OK);
        assertThat(client.ews().http().status()).isEqualTo(200);
        // the website got the request, never the password; the provider's server got it
        assertThat(lab.received).anyMatch(r -> r.server().equals(WEBSITE) && r.method().equals("POST"));
        assertThat(lab.withCredentials(WEBSITE)).isEmpty();
        assertThat(lab.withCredentials(PROVIDER)).isNotEmpty()
                .allMatch(r -> r.authorization().equals(AutodiscoverLab.basic(MAILBOX, PASSWORD)));
        assertThat(lab.received).filteredOn(r -> r.server().equals(PROVIDER) && r.method().equals("POST"))
                .allMatch(r -> r.body().contains("<EMailAddress>" + MAILBOX + "</EMailAddress>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"expired", "not-yet-valid", "name-mismatch", "untrusted", "incomplete-chain"})
    void eachCertificateFaultIsRecordedAndNothingIsSentOverIt(String status) {
        Identity identity = switch (status) {
            case "expired" -> lab.certs.expired("ex.mail.ovh.net");
            case "not-yet-valid" -> lab.certs.notYetValid("ex.mail.ovh.net");
            case "name-mismatch" -> lab.certs.valid("www.example-webhost.net", "example-webhost.net");
            case "untrusted" -> lab.certs.selfSigned("ex.mail.ovh.net");
            default -> lab.certs.withoutIntermediate("ex.mail.ovh.net");
        };
        provider(identity);

        ClientFacts client = probe();

        Attempt srv = first(client, AutodiscoverMethod.SRV);
        assertThat(srv.connect()).isEqualTo(ConnectResult.OK);
        assertThat(srv.tls().status().wire()).isEqualTo(status);
        assertThat(srv.tls().names()).isEqualTo(RecordingNames.of(identity));
        assertThat(srv.tls().notAfter()).isEqualTo(identity.leaf().getNotAfter().toInstant());
        assertThat(srv.http()).isNull();
        assertThat(client.autodiscover().result()).isNull();
        assertThat(client.ews()).isNull();
        assertThat(lab.received).isEmpty();
    }

    /** The names a test certificate was made for. */
    private static final class RecordingNames {
        static List<String> of(Identity identity) {
            try {
                return identity.leaf().getSubjectAlternativeNames().stream().map(e -> (String) e.get(1)).toList();
            } catch (java.security.cert.CertificateParsingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aServerThatSpeaksNoTlsIsAFailedHandshake() {
        lab.http(PROVIDER, AutodiscoverLab.website());
        ClientFacts client = new ClientProbeTestPorts(this).withHttpsOnHttpPort();
        assertThat(first(client, AutodiscoverMethod.SRV).tls().status()).isEqualTo(TlsStatus.HANDSHAKE_FAILED);
    }

    /** Runs the probe with the SRV target's https port pointing at the plain-http servers. */
    private record ClientProbeTestPorts(ClientProbeTest test) {
        ClientFacts withHttpsOnHttpPort() {
            DiagnosticSettings settings = DiagnosticSettings.defaults().with(b -> {
                b.dns = Endpoint.parse(test.dns.address(), 53);
                b.dnsTimeout = Duration.ofSeconds(1);
                b.connectTimeout = Duration.ofSeconds(3);
                b.client = new ClientSettings(test.lab.httpPort, test.lab.httpPort, List.of(), Set.of("ex.mail.ovh.net"), AddressPolicy.ANY);
            });
            FactsBuilder facts = new FactsBuilder(MAILBOX, null, Instant.now());
            try (ProbeRun run = new ProbeRun(settings, MAILBOX, "example.com", new Secret(PASSWORD.toCharArray()), ProgressListener.NONE)) {
                Probe<org.exdiag.facts.DnsLookup<org.exdiag.facts.SrvRecord>> srv = DnsRecordProbe.autodiscoverSrv();
                run.gather(List.of(srv, new ClientProbe(srv, Clock.systemUTC())), facts, Duration.ofSeconds(30));
            }
            return facts.build().client();
        }
    }

    @Test
    void theWebsiteWithACertificateForOtherNamesInterceptsAndGetsNothing() {
        dns.a("example.com", WEBSITE);
        lab.https(WEBSITE, lab.certs.valid("www.example-webhost.net"), AutodiscoverLab.website());
        provider(lab.certs.valid("ex.mail.ovh.net"));

        ClientFacts client = probe();

        Attempt root = first(client, AutodiscoverMethod.ROOT_DOMAIN);
        assertThat(root.tls().status()).isEqualTo(TlsStatus.NAME_MISMATCH);
        assertThat(root.tls().names()).containsExactly("www.example-webhost.net");
        assertThat(root.http()).isNull();
        assertThat(client.autodiscover().result().method()).isEqualTo(AutodiscoverMethod.SRV);
        assertThat(lab.received).noneMatch(r -> r.server().equals(WEBSITE));
    }

    @Test
    void aWildcardHostAnsweringAutodiscoverNeverGetsThePassword() {
        String webHost = "127.0.0.6";
        dns.a("autodiscover.example.com", webHost).a("example.com", webHost);
        // the web host's own valid certificate covers every name under the domain
        lab.https(webHost, lab.certs.valid("example.com", "*.example.com"), AutodiscoverLab.exchange(MAILBOX, PASSWORD, ewsUrl()));
        lab.http(webHost, AutodiscoverLab.website());
        provider(lab.certs.valid("ex.mail.ovh.net"));

        ClientFacts client = probe();

        Attempt host = first(client, AutodiscoverMethod.AUTODISCOVER_HOST);
        assertThat(host.tls().status()).isEqualTo(TlsStatus.OK);
        assertThat(host.http().status()).isEqualTo(401);
        assertThat(host.http().authMethods()).containsExactly("Basic", "NTLM", "Negotiate");
        assertThat(first(client, AutodiscoverMethod.HTTP_REDIRECT).http().status()).isEqualTo(404);
        assertThat(lab.withCredentials(webHost)).isEmpty();
        assertThat(lab.received).filteredOn(r -> r.server().equals(webHost)).hasSize(3);
        assertThat(client.autodiscover().result().method()).isEqualTo(AutodiscoverMethod.SRV);
    }

    @Test
    void aFoundRedirectIsFollowedToTheProvidersServer() {
        dns.a("autodiscover.example.com", AUTODISCOVER);
        lab.https(AUTODISCOVER, lab.certs.valid("autodiscover.example.com"), AutodiscoverLab.redirect(302, providerAutodiscover()));
        lab.http(AUTODISCOVER, AutodiscoverLab.redirect(302, providerAutodiscover()));
        provider(lab.certs.valid("ex.mail.ovh.net"));

        ClientFacts client = probe();

        List<Attempt> host = all(client, AutodiscoverMethod.AUTODISCOVER_HOST);
        assertThat(host).hasSize(2);
        assertThat(host.get(0).http().status()).isEqualTo(302);
        assertThat(host.get(0).http().location()).isEqualTo(providerAutodiscover());
        assertThat(host.get(1).url()).isEqualTo(providerAutodiscover());
        assertThat(host.get(1).response().protocols()).isNotEmpty();
        List<Attempt> http = all(client, AutodiscoverMethod.HTTP_REDIRECT);
        assertThat(http).hasSize(2);
        assertThat(http.get(0).tls()).isNull();
        assertThat(http.get(0).http().location()).isEqualTo(providerAutodiscover());
        assertThat(http.get(1).response().protocols()).isNotEmpty();
        assertThat(client.autodiscover().result().method()).isEqualTo(AutodiscoverMethod.AUTODISCOVER_HOST);
        assertThat(lab.withCredentials(AUTODISCOVER)).isEmpty();
        assertThat(lab.received).filteredOn(r -> r.server().equals(AUTODISCOVER)).extracting(r -> r.method())
                .containsExactlyInAnyOrder("POST", "GET");
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowedOutsideLabs() {
        dns.a("autodiscover.example.com", AUTODISCOVER);
        lab.https(AUTODISCOVER, lab.certs.valid("autodiscover.example.com"), AutodiscoverLab.redirect(302, providerAutodiscover()));
        provider(lab.certs.valid("ex.mail.ovh.net"));

        ClientFacts client = probe(AddressPolicy.PUBLIC_ONLY, PASSWORD);

        List<Attempt> host = all(client, AutodiscoverMethod.AUTODISCOVER_HOST);
        assertThat(host).hasSize(2);
        assertThat(host.get(1).connect()).isEqualTo(ConnectResult.ERROR);
        assertThat(host.get(1).address()).isEqualTo(PROVIDER);
        assertThat(lab.received).filteredOn(r -> r.server().equals(PROVIDER)).allMatch(r -> r.authorization() != null)
                .hasSize(2); // the SRV way's POST and the EWS GET, never the redirect
    }

    @Test
    void redirectsEndAfterTen() {
        dns.a("autodiscover.example.com", AUTODISCOVER);
        String self = "https://autodiscover.example.com:" + lab.httpsPort + "/autodiscover/autodiscover.xml";
        lab.https(AUTODISCOVER, lab.certs.valid("autodiscover.example.com"), AutodiscoverLab.redirect(302, self));

        ClientFacts client = probe();

        assertThat(all(client, AutodiscoverMethod.AUTODISCOVER_HOST)).hasSize(1 + AutodiscoverWalk.MAX_REDIRECTS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic realm=\"ex.mail.ovh.net\"", "NTLM", "Negotiate", "Bearer authorization_uri=\"https://login\""})
    void aWrongPasswordGets401WithEachScheme(String challenge) {
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.unauthorized(challenge));

        ClientFacts client = probe(AddressPolicy.ANY, "wrong-" + PASSWORD);

        Attempt srv = first(client, AutodiscoverMethod.SRV);
        assertThat(srv.http().status()).isEqualTo(401);
        assertThat(srv.http().authMethods()).containsExactly(challenge.split(" ")[0]);
        assertThat(client.autodiscover().result()).isNull();
        assertThat(lab.withCredentials(PROVIDER)).hasSize(1);
    }

    @Test
    void anAutodiscoverErrorIsRecordedWithItsCode() {
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.xmlError(600));

        ClientFacts client = probe();

        Attempt srv = first(client, AutodiscoverMethod.SRV);
        assertThat(srv.response().errorCode()).isEqualTo(600);
        assertThat(srv.response().protocols()).isEmpty();
        assertThat(client.autodiscover().result()).isNull();
    }

    @Test
    void anEwsThatDoesNotListenIsRecorded() {
        String deadEws = "https://ex2.mail.ovh.net:" + lab.httpsPort + "/EWS/Exchange.asmx";
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.exchange(MAILBOX, PASSWORD, deadEws));

        ClientFacts client = probe();

        assertThat(client.autodiscover().result().ewsUrl()).isEqualTo(deadEws);
        assertThat(client.ews().url()).isEqualTo(deadEws);
        assertThat(client.ews().connect()).isEqualTo(ConnectResult.REFUSED);
        assertThat(client.ews().login()).isNull();
    }

    @Test
    void anEwsOnAHostNotAllowedGetsNoPassword() {
        String otherEws = "https://autodiscover.example.com:" + lab.httpsPort + "/EWS/Exchange.asmx";
        dns.a("autodiscover.example.com", AUTODISCOVER);
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.exchange(MAILBOX, PASSWORD, otherEws));
        lab.https(AUTODISCOVER, lab.certs.valid("autodiscover.example.com"), AutodiscoverLab.ews(MAILBOX, PASSWORD));

        ClientFacts client = probe();

        assertThat(client.ews().http().status()).isEqualTo(401);
        assertThat(client.ews().login()).isNull();
        assertThat(lab.withCredentials(AUTODISCOVER)).isEmpty();
    }

    @Test
    void withoutClientSettingsNothingIsProbed() {
        Function<DiagnosticSettings, DiagnosticSettings> none = s -> s.withClient(null);
        FactsBuilder facts = new FactsBuilder(MAILBOX, null, Instant.now());
        try (ProbeRun run = new ProbeRun(none.apply(DiagnosticSettings.defaults()), MAILBOX, "example.com", null, ProgressListener.NONE)) {
            Probe<org.exdiag.facts.DnsLookup<org.exdiag.facts.SrvRecord>> srv = DnsRecordProbe.autodiscoverSrv();
            run.gather(List.of(new ClientProbe(srv, Clock.systemUTC())), facts, Duration.ofSeconds(5));
        }
        assertThat(facts.build().client()).isNull();
    }
}
