package org.exdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.probe.MailLab;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.probe.client.AutodiscoverLab;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 27's acceptance: `exdiag diagnose` in a lab that starts itself (GreenMail, the loopback DNS server,
 * HTTPS servers with the test CA's certificates, all on loopback) gives the right root cause to a Private
 * Exchange customer with an expired certificate, a hosted customer whose website answers autodiscover,
 * and a customer with a wrong password; and the password reaches no host but the provider's server.
 */
@Timeout(90)
class ClientDiagnoseTest {
    private static final String MAILBOX = MailLab.MAILBOX;
    private static final String PASSWORD = "Acceptance-P4ss-91fe";
    private static final String WEBSITE = "127.0.0.2";
    private static final String PROVIDER = "127.0.0.4";
    private static final String PRIVATE = "127.0.0.5";

    @TempDir
    Path tmp;

    @AutoClose
    private final MailLab mail = new MailLab(PASSWORD);
    @AutoClose
    private final AutodiscoverLab lab = new AutodiscoverLab();

    private Cli diagnose(String password, String... extra) {
        List<String> args = new ArrayList<>(List.of("diagnose", MAILBOX, "--password-stdin", "--setup", "exchange-only"));
        args.addAll(mail.commandLine());
        args.addAll(List.of("--receive-timeout", "5", "--timeout", "40", "--dnsbl", "none",
                "--autodiscover-port", Integer.toString(lab.httpsPort), "--autodiscover-http-port", Integer.toString(lab.httpPort),
                "--trust", lab.certs.writeRootPem(tmp).toString(), "--format", "json", "--save-facts", tmp.resolve("facts.json").toString()));
        args.addAll(List.of(extra));
        return Cli.runWithInput(password + "\n", args.toArray(String[]::new));
    }

    private String ewsUrl(String host) {
        return "https://" + host + ":" + lab.httpsPort + "/EWS/Exchange.asmx";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode warning(JsonNode report, String code) {
        for (JsonNode w : report.get("warnings")) {
            if (w.get("code").asText().equals(code)) {
                return w;
            }
        }
        throw new AssertionError(code + " not raised: " + report);
    }

    @Test
    void aPrivateExchangeWithAnExpiredCertificate() throws Exception {
        TestDnsServer zone = new TestDnsServer();
        mail.replaceDns(MailLab.healthyDomainRecords(zone.mx("example.com", 1, "mx1.mail.ovh.net").a("mx1.mail.ovh.net", "127.0.0.1")
                .srv("_autodiscover._tcp.example.com", 0, 0, 443, "mail.example.com").a("mail.example.com", PRIVATE)));
        lab.https(PRIVATE, lab.certs.expired("mail.example.com", "autodiscover.example.com"),
                AutodiscoverLab.exchangeServer(MAILBOX, PASSWORD, ewsUrl("mail.example.com")));

        Cli r = diagnose(PASSWORD, "--offer", "private", "--private-host", "mail.example.com");

        JsonNode report = r.json();
        assertThat(texts(report.get("rootCauses"))).as(r.out()).contains("CERTIFICATE_INVALID").doesNotContain("AUTODISCOVER_FAILED");
        assertThat(texts(warning(report, "AUTODISCOVER_FAILED").get("explainedBy"))).contains("CERTIFICATE_INVALID");
        assertThat(texts(warning(report, "CERTIFICATE_INVALID").get("evidence"))).anySatisfy(e -> assertThat(e)
                .contains("https://mail.example.com:" + lab.httpsPort + "/autodiscover/autodiscover.xml")
                .contains("expired: for mail.example.com and autodiscover.example.com").contains("valid until"));
        assertThat(lab.received).isEmpty(); // the handshake was refused: nothing, let alone a password, went over it
        assertThat(r.out() + r.err() + Files.readString(tmp.resolve("facts.json"))).doesNotContain(PASSWORD);
    }

    @Test
    void aHostedCustomerWhoseWebsiteAnswersAutodiscover() throws Exception {
        mail.dns.a("example.com", WEBSITE).a("ex.mail.ovh.net", PROVIDER);
        lab.https(WEBSITE, lab.certs.valid("example.com", "www.example.com"), AutodiscoverLab.website());
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.exchangeServer(MAILBOX, PASSWORD, ewsUrl("ex.mail.ovh.net")));

        Cli r = diagnose(PASSWORD);

        JsonNode report = r.json();
        assertThat(texts(report.get("rootCauses"))).as(r.out()).containsExactly("AUTODISCOVER_INTERCEPTED");
        assertThat(texts(warning(report, "AUTODISCOVER_INTERCEPTED").get("evidence"))).containsExactly("https://example.com:"
                + lab.httpsPort + "/autodiscover/autodiscover.xml is answered by the domain's website (" + WEBSITE
                + "): answered, but not with Autodiscover (HTTP 404), certificate for example.com and www.example.com");
        assertThat(lab.received).anyMatch(q -> q.server().equals(WEBSITE));
        assertThat(lab.withCredentials(WEBSITE)).isEmpty();
        assertThat(lab.withCredentials(PROVIDER)).isNotEmpty();
        String facts = Files.readString(tmp.resolve("facts.json"));
        assertThat(facts).contains("\"method\" : \"srv\"").contains("\"login\" : \"ok\"").doesNotContain(PASSWORD);
    }

    @Test
    void aCustomerWithAWrongPassword() throws Exception {
        mail.dns.a("example.com", WEBSITE).a("ex.mail.ovh.net", PROVIDER);
        lab.https(WEBSITE, lab.certs.valid("www.example-webhost.net"), AutodiscoverLab.website());
        lab.https(PROVIDER, lab.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.exchangeServer(MAILBOX, PASSWORD, ewsUrl("ex.mail.ovh.net")));

        Cli r = diagnose("wrong-" + PASSWORD);

        JsonNode report = r.json();
        assertThat(texts(report.get("rootCauses"))).as(r.out()).contains("AUTH_FAILED").doesNotContain("AUTODISCOVER_FAILED");
        assertThat(texts(warning(report, "AUTODISCOVER_FAILED").get("explainedBy"))).contains("AUTH_FAILED");
        assertThat(texts(warning(report, "AUTODISCOVER_FAILED").get("evidence"))).contains("4. SRV record (https://ex.mail.ovh.net:"
                + lab.httpsPort + "/autodiscover/autodiscover.xml): asked for a password (401) (HTTP 401)");
        assertThat(lab.received).noneMatch(q -> q.server().equals(WEBSITE)); // its certificate names another host
        assertThat(lab.received).filteredOn(q -> q.authorization() != null).isNotEmpty()
                .allMatch(q -> q.server().equals(PROVIDER));
    }
}
