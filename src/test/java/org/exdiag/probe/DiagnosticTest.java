package org.exdiag.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.exdiag.TestSupport;
import org.exdiag.facts.AuthResult;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.SmtpStage;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Live diagnostics against real servers on loopback: GreenMail for SMTP and IMAP, the test DNS
 * server for DNS, a scripted SMTP server for replies GreenMail cannot give. No protocol is mocked.
 */
@Timeout(60)
class DiagnosticTest {
    private static final String MAILBOX = "jane@example.com";
    private static final String PASSWORD = "correct horse battery staple";

    @AutoClose
    private final MailLab lab = new MailLab(PASSWORD);
    private final GreenMail mail = lab.mail;
    private TestDnsServer dns = lab.dns;
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    private DiagnosticSettings settings(int smtpPort, int mxPort, Duration receive) {
        return lab.settings().with(b -> {
            b.dnsTimeout = Duration.ofMillis(800);
            b.smtp = new Endpoint("127.0.0.1", smtpPort);
            b.mxPort = mxPort;
            b.receiveTimeout = receive;
        });
    }

    private DiagnosticSettings healthySettings() {
        return settings(mail.getSmtp().getPort(), mail.getSmtp().getPort(), Duration.ofSeconds(10));
    }

    private FactsDocument diagnose(DiagnosticSettings settings, String password) throws Exception {
        try (Secret secret = new Secret(password.toCharArray())) {
            return new Diagnostic(settings, null, (probe, outcome, took) -> progress.add(probe + ": " + outcome),
                    Clock.systemUTC()).run(MAILBOX, secret);
        }
    }

    private static Report report(FactsDocument facts) {
        return TestSupport.expertise().report(facts, Language.EN);
    }

    private static List<String> codes(Report r) {
        return r.warnings().stream().map(ReportWarning::code).sorted().toList();
    }

    @Test
    void healthySetupGivesNoWarning() throws Exception {
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        Report report = report(facts);
        assertThat(codes(report)).as(facts.toString()).isEmpty();
        assertThat(facts.dns().mx().records()).extracting(r -> r.host()).containsExactly("mx1.mail.ovh.net.");
        assertThat(facts.testEmail().sent()).isTrue();
        assertThat(facts.testEmail().received()).isTrue();
        assertThat(facts.auth().imap().result()).isEqualTo(AuthResult.OK);
        assertThat(facts.smtp().replies()).extracting(e -> e.stage())
                .contains(SmtpStage.CONNECT, SmtpStage.EHLO, SmtpStage.AUTH, SmtpStage.MAIL, SmtpStage.RCPT,
                        SmtpStage.DATA, SmtpStage.END_OF_DATA);
        assertThat(facts.smtp().replies().get(0).reply()).startsWith("220 ");
        assertThat(progress).anyMatch(p -> p.startsWith("inbound test: received"));
        // both test emails reached the mailbox
        assertThat(mail.getReceivedMessagesForDomain("example.com")).hasSize(2);
    }

    /**
     * Issue 13's live case: the domain's MX points to a host that refuses connections. The inbound test
     * cannot be delivered (TEST_EMAIL_NOT_RECEIVED, explained by MX_INVALID), and the second test, straight
     * to the provider's valid MX, shows that the mailbox itself receives.
     */
    @Test
    void anInvalidMxThatRefusesIsWhyMailCannotArriveAndTheMailboxItselfReceives() throws Exception {
        dns = lab.replaceDns(MailLab.healthyDomainRecords(new TestDnsServer()))
                .mx("example.com", 10, "mail.other-host.net")
                .a("mail.other-host.net", "127.0.0.2")           // nothing listens there: refused
                .a("mx1.mail.ovh.net", "127.0.0.1")              // the provider's MX: GreenMail
                .srv("_autodiscover._tcp.example.com", 0, 0, 443, "ex.mail.ovh.net");
        List<String> validMx = TestSupport.expertise().rules().expectedValues().mxHosts("exchange-only");
        FactsDocument facts = diagnose(settings(mail.getSmtp().getPort(), mail.getSmtp().getPort(), Duration.ofSeconds(10))
                .withValidMx(validMx), PASSWORD);

        assertThat(facts.version()).isEqualTo(3);
        assertThat(facts.inbound().accepted()).isFalse();
        assertThat(facts.inbound().attempts()).singleElement().satisfies(a -> {
            assertThat(a.host()).isEqualTo("mail.other-host.net.");
            assertThat(a.address()).isEqualTo("127.0.0.2");
            assertThat(a.connect()).isEqualTo(ConnectResult.REFUSED);
        });
        assertThat(facts.testEmail().received()).as("nothing was delivered, so nothing was looked for").isNull();
        assertThat(facts.directTest().host()).isEqualTo("mx1.mail.ovh.net");
        assertThat(facts.directTest().accepted()).isTrue();
        assertThat(facts.directTest().received()).isTrue();
        assertThat(facts.directTest().attempts()).singleElement().satisfies(a -> assertThat(a.replies())
                .anyMatch(r -> r.stage() == SmtpStage.END_OF_DATA && r.reply().startsWith("250")));

        Report report = report(facts);
        assertThat(codes(report)).containsExactly("MX_INVALID", "TEST_EMAIL_NOT_RECEIVED");
        assertThat(report.rootCauses()).containsExactly("MX_INVALID");
        assertThat(report.warning("MX_INVALID").orElseThrow().explains()).containsExactly("TEST_EMAIL_NOT_RECEIVED");
        assertThat(report.warning("TEST_EMAIL_NOT_RECEIVED").orElseThrow().evidence())
                .contains("the test email cannot be delivered through mail.other-host.net: refused");
        assertThat(report.warning("MX_INVALID").orElseThrow().evidence())
                .anyMatch(e -> e.startsWith("the mailbox itself receives mail (delivered through mx1.mail.ovh.net, arrived in ")
                        && e.endsWith("; mail for the domain goes to mail.other-host.net instead"));
        assertThat(progress).anyMatch(p -> p.startsWith("inbound test: not delivered; straight to mx1.mail.ovh.net: received"));
    }

    @Test
    void mxPointingElsewhereExplainsTheMissingTestEmail() throws Exception {
        GreenMail elsewhere = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        elsewhere.start();
        try {
            dns = lab.replaceDns(MailLab.healthyDomainRecords(new TestDnsServer()))
                    .mx("example.com", 10, "mail.other-host.net")
                    .a("mail.other-host.net", "127.0.0.1")
                    .srv("_autodiscover._tcp.example.com", 0, 0, 443, "ex.mail.ovh.net");
            FactsDocument facts = diagnose(settings(mail.getSmtp().getPort(), elsewhere.getSmtp().getPort(),
                    Duration.ofSeconds(2)), PASSWORD);
            Report report = report(facts);
            assertThat(codes(report)).containsExactly("MX_INVALID", "TEST_EMAIL_NOT_RECEIVED");
            assertThat(report.rootCauses()).containsExactly("MX_INVALID");
            assertThat(report.warning("MX_INVALID").orElseThrow().explains()).containsExactly("TEST_EMAIL_NOT_RECEIVED");
            assertThat(elsewhere.getReceivedMessages()).hasSize(1); // the inbound test went to the other host
        } finally {
            elsewhere.stop();
        }
    }

    /**
     * Issue 14's live case: the mail itself works, but the domain's own records would make receivers refuse
     * it. The diagnostic looks them up with the rest, in parallel, and checks the policy for the provider's
     * servers; the DKIM selector comes from --dkim-selector (no provider API here).
     */
    @Test
    void theDomainsOwnRecordsAreProbedWithTheRest() throws Exception {
        dns = lab.replaceDns(new TestDnsServer())
                .mx("example.com", 1, "mx1.mail.ovh.net").a("mx1.mail.ovh.net", "127.0.0.1")
                .srv("_autodiscover._tcp.example.com", 0, 0, 443, "ex.mail.ovh.net")
                .txt("example.com", "v=spf1 include:_spf.google.com ~all")
                .txt("_spf.google.com", "v=spf1 ip4:35.190.247.0/24 ~all")
                .txt("mx.ovh.com", "v=spf1 ip4:198.51.100.0/24 ~all")
                .cname("autodiscover.example.com", "mailconfig.ovh.net").a("mailconfig.ovh.net", "198.51.100.30");
        DiagnosticSettings settings = healthySettings().withDomainRecords(List.of("mx.ovh.com"), List.of())
                .withDkimSelectors(List.of("selector1"));

        FactsDocument facts = diagnose(settings, PASSWORD);

        assertThat(facts.dns().spf().checks()).singleElement()
                .satisfies(c -> assertThat(c.ip() + " " + c.result().wire()).isEqualTo("198.51.100.0 softfail"));
        assertThat(facts.dns().dkim()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(LookupStatus.NXDOMAIN));
        assertThat(facts.dns().autodiscoverHost().cname()).isEqualTo("mailconfig.ovh.net.");
        Report report = report(facts);
        assertThat(codes(report)).containsExactly("AUTODISCOVER_CONFLICT", "DKIM_INVALID", "DMARC_MISSING", "SPF_INVALID");
        assertThat(progress).anyMatch(p -> p.startsWith("dns spf: ok")).anyMatch(p -> p.equals("dns dkim: 1 selector"));
    }

    @Test
    void wrongPasswordExplainsTheFailedSend() throws Exception {
        FactsDocument facts = diagnose(healthySettings(), "not the password");
        Report report = report(facts);
        assertThat(report.rootCauses()).containsExactly("AUTH_FAILED");
        assertThat(report.warning("AUTH_FAILED").orElseThrow().explains()).containsExactly("TEST_EMAIL_NOT_SENT");
        assertThat(facts.auth().imap().result()).isEqualTo(AuthResult.REJECTED);
        assertThat(facts.smtp().replies()).anyMatch(e -> e.stage() == SmtpStage.AUTH && e.reply().startsWith("535"));
        assertThat(facts.testEmail().received()).as("cannot be checked without a login").isNull();
    }

    @Test
    void wrongSrvPortIsReported() throws Exception {
        dns = lab.replaceDns(MailLab.healthyDomainRecords(new TestDnsServer()))
                .mx("example.com", 1, "mx1.mail.ovh.net")
                .a("mx1.mail.ovh.net", "127.0.0.1")
                .srv("_autodiscover._tcp.example.com", 0, 0, 8443, "ex.mail.ovh.net");
        Report report = report(diagnose(healthySettings(), PASSWORD));
        assertThat(codes(report)).containsExactly("SRV_INVALID");
        assertThat(report.warning("SRV_INVALID").orElseThrow().evidence().get(0)).contains("SRV 0 0 8443");
    }

    @Test
    void dnsServerDownIsCouldNotCheckNotInvalid() throws Exception {
        dns.fault(TestDnsServer.Fault.DROP_EVERYTHING, true);
        long start = System.nanoTime();
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Report report = report(facts);
        assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.TIMEOUT);
        assertThat(codes(report)).contains("MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED").doesNotContain("MX_INVALID", "SRV_INVALID",
                "TEST_EMAIL_NOT_RECEIVED");
        assertThat(facts.testEmail().received()).isNull();
        assertThat(report.verdict().wire()).isEqualTo("incomplete");
        // bounded by the DNS timeout, not by the overall one (a generous margin for a loaded machine)
        assertThat(took).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void servfailIsCouldNotCheck() throws Exception {
        dns.servfail("example.com");
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.SERVFAIL);
        assertThat(codes(report(facts))).contains("MX_LOOKUP_FAILED").doesNotContain("MX_INVALID");
    }

    @Test
    void missingMxIsNxdomainOrNodataAndInvalid() throws Exception {
        dns = lab.replaceDns(new TestDnsServer()).a("example.com", "127.0.0.1");
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.NODATA);
        assertThat(facts.dns().autodiscoverSrv().status()).isEqualTo(LookupStatus.NXDOMAIN);
        assertThat(codes(report(facts))).contains("MX_INVALID", "SRV_INVALID");
    }

    @Test
    void truncatedUdpAnswersAreRetriedOverTcp() throws Exception {
        dns.fault(TestDnsServer.Fault.TRUNCATE_UDP, true);
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.OK);
        assertThat(facts.dns().mx().records()).hasSize(1);
        assertThat(dns.tcpQueries()).isPositive();
        assertThat(codes(report(facts))).isEmpty();
    }

    @Test
    void closedSubmissionPortExplainsTheFailedSend() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        FactsDocument facts = diagnose(settings(closed, mail.getSmtp().getPort(), Duration.ofSeconds(10)), PASSWORD);
        Report report = report(facts);
        assertThat(facts.smtp().connect()).isEqualTo(ConnectResult.REFUSED);
        assertThat(report.rootCauses()).containsExactly("SMTP_UNREACHABLE");
        assertThat(report.warning("SMTP_UNREACHABLE").orElseThrow().explains()).containsExactly("TEST_EMAIL_NOT_SENT");
        assertThat(facts.testEmail().received()).isTrue(); // receiving does not depend on submission
    }

    @Test
    void senderRejectedAsSpamExplainsTheFailedSend() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer().on("MAIL", "550 5.7.501 Access denied, spam abuse detected.")) {
            FactsDocument facts = diagnose(settings(smtp.port(), mail.getSmtp().getPort(), Duration.ofSeconds(10)), PASSWORD);
            Report report = report(facts);
            assertThat(report.rootCauses()).containsExactly("SPAM_BLOCKED");
            assertThat(report.warning("SPAM_BLOCKED").orElseThrow().explains()).containsExactly("TEST_EMAIL_NOT_SENT");
            assertThat(facts.smtp().replies()).anyMatch(e -> e.stage() == SmtpStage.MAIL && e.reply().contains("5.7.501"));
            assertThat(facts.smtp().replies()).anyMatch(e -> e.stage() == SmtpStage.AUTH && e.reply().startsWith("235"));
            assertThat(facts.testEmail().received()).isTrue();
        }
    }

    @Test
    void garbledGreetingIsUnreachableNotAVerdictOnTheAccount() throws Exception {
        try (ScriptedSmtpServer smtp = new ScriptedSmtpServer().on("GREETING", "HTTP/1.1 400 Bad Request")) {
            FactsDocument facts = diagnose(settings(smtp.port(), mail.getSmtp().getPort(), Duration.ofSeconds(10)), PASSWORD);
            Report report = report(facts);
            assertThat(report.rootCauses()).as(facts.smtp().toString()).containsExactly("SMTP_UNREACHABLE");
            assertThat(codes(report)).doesNotContain("AUTH_FAILED", "SPAM_BLOCKED");
        }
    }

    @Test
    void webmailLoginResultsAreRecorded() throws Exception {
        com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((MAILBOX + ":" + PASSWORD).getBytes());
        http.createContext("/EWS/Exchange.asmx", exchange -> {
            boolean ok = expected.equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(ok ? 200 : 401, -1);
            exchange.close();
        });
        http.start();
        try {
            java.net.URI url = java.net.URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/EWS/Exchange.asmx");
            DiagnosticSettings s = healthySettings();
            DiagnosticSettings withWebmail = s.with(b -> b.webmail = url);
            assertThat(diagnose(withWebmail, PASSWORD).auth().webmail().result()).isEqualTo(AuthResult.OK);
            FactsDocument wrong = diagnose(withWebmail, "nope");
            assertThat(wrong.auth().webmail().result()).isEqualTo(AuthResult.REJECTED);
            assertThat(wrong.auth().webmail().detail()).isEqualTo("HTTP 401");
        } finally {
            http.stop(0);
        }
    }

    @Test
    void accountFlagsComeFromTheirSource() throws Exception {
        java.nio.file.Path flags = java.nio.file.Files.createTempFile("flags", ".yaml");
        java.nio.file.Files.writeString(flags, "state: active\nspamBlocked: true\nlocked: false\n");
        try (Secret secret = new Secret(PASSWORD.toCharArray())) {
            FactsDocument facts = new Diagnostic(healthySettings(), new AccountFlagsFile(flags), ProgressListener.NONE,
                    Clock.systemUTC()).run(MAILBOX, secret);
            assertThat(facts.account().spamBlocked()).isTrue();
            assertThat(report(facts).rootCauses()).containsExactly("SPAM_BLOCKED");
        } finally {
            java.nio.file.Files.delete(flags);
        }
    }

    @Test
    void theWholeDiagnosticIsBoundedByItsTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            DiagnosticSettings s = settings(silent.getLocalPort(), mail.getSmtp().getPort(), Duration.ofSeconds(10));
            DiagnosticSettings bounded = s.with(b -> {
                b.connectTimeout = Duration.ofSeconds(30);
                b.overallTimeout = Duration.ofMillis(1500);
            });
            long start = System.nanoTime();
            FactsDocument facts = diagnose(bounded, PASSWORD);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(facts.smtp().connect()).isEqualTo(ConnectResult.TIMEOUT);
            assertThat(facts.testEmail().sent()).isNull();
            assertThat(facts.dns().mx().status()).isEqualTo(LookupStatus.OK); // what finished in time is kept
            assertThat(codes(report(facts))).contains("SMTP_UNREACHABLE").doesNotContain("AUTH_FAILED", "TEST_EMAIL_NOT_SENT");
        }
    }

    @Test
    void thePasswordAppearsInNoFactNorReport() throws Exception {
        FactsDocument facts = diagnose(healthySettings(), PASSWORD);
        String all = facts.toString() + org.exdiag.report.ReportWriter.json().writeValueAsString(facts)
                + org.exdiag.report.ReportWriter.json().writeValueAsString(report(facts)) + progress;
        assertThat(all).doesNotContain(PASSWORD);
        FactsDocument failed = diagnose(healthySettings(), "wrong-" + PASSWORD);
        assertThat(org.exdiag.report.ReportWriter.json().writeValueAsString(failed) + progress).doesNotContain("wrong-" + PASSWORD);
    }
}
