package org.exdiag.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.icegreen.greenmail.util.GreenMail;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.LookupStatus;
import org.exdiag.knowledge.Language;
import org.exdiag.probe.Diagnostic;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.MailLab;
import org.exdiag.probe.Endpoint;
import org.exdiag.probe.ProgressListener;
import org.exdiag.probe.Secret;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.probe.TlsMode;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Servers that misbehave: every fault gives "could not check" facts within the configured timeouts,
 * never a hang and never a verdict on the account or the records.
 */
@Timeout(60)
class ProbeFaultsTest {
    private static final String MAILBOX = "jane@example.com";
    private static final String PASSWORD = "fault-test-password";
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final List<String> FALSE_VERDICTS = List.of("MX_INVALID", "SRV_INVALID", "AUTH_FAILED", "SPAM_BLOCKED",
            "ACCOUNT_SUSPENDED", "SECURITY_POLICY_LOCKOUT", "SUBSCRIPTION_EXPIRED", "TEST_EMAIL_NOT_RECEIVED");

    @AutoClose
    private final MailLab lab = new MailLab(PASSWORD, true);
    private final GreenMail mail = lab.mail;
    private final TestDnsServer dns = lab.dns;

    private DiagnosticSettings settings(int smtpPort, TlsMode smtpTls, int mxPort) {
        return lab.settings().with(b -> {
            b.smtp = new Endpoint("127.0.0.1", smtpPort);
            b.smtpTls = smtpTls;
            b.mxPort = mxPort;
            b.connectTimeout = CONNECT;
            b.receiveTimeout = Duration.ofSeconds(5);
        });
    }

    private record Run(FactsDocument facts, Report report, Duration took) {
        List<String> codes() {
            return report.warnings().stream().map(ReportWarning::code).toList();
        }
    }

    private Run diagnose(DiagnosticSettings settings) throws Exception {
        long start = System.nanoTime();
        FactsDocument facts;
        try (Secret secret = new Secret(PASSWORD.toCharArray())) {
            facts = new Diagnostic(settings, null, ProgressListener.NONE, Clock.systemUTC()).run(MAILBOX, secret);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Run(facts, TestSupport.expertise().report(facts, Language.EN), took);
    }

    private Run submissionThrough(FaultyServer.Fault fault, TlsMode tls) throws Exception {
        try (FaultyServer faulty = new FaultyServer(fault, mail.getSmtp().getPort())) {
            return diagnose(settings(faulty.port(), tls, mail.getSmtp().getPort()));
        }
    }

    private static void assertCouldNotCheckSending(Run run) {
        assertThat(run.report().rootCauses()).as(run.facts().smtp().toString()).containsExactly("SMTP_UNREACHABLE");
        assertThat(run.codes()).doesNotContainAnyElementsOf(FALSE_VERDICTS);
        assertThat(run.took()).isLessThan(Duration.ofSeconds(12));
    }

    @Test
    void connectionRefused() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run run = diagnose(settings(closed, TlsMode.NONE, mail.getSmtp().getPort()));
        assertThat(run.facts().smtp().connect()).isEqualTo(ConnectResult.REFUSED);
        assertCouldNotCheckSending(run);
    }

    static Stream<Arguments> submissionServersThatEndTheConnection() {
        return Stream.of(
                argumentSet("server that accepts and never speaks", FaultyServer.Fault.SILENT, TlsMode.NONE, ConnectResult.TIMEOUT),
                argumentSet("TLS handshake failure", FaultyServer.Fault.NOT_TLS, TlsMode.IMPLICIT, ConnectResult.TLS_ERROR));
    }

    @ParameterizedTest
    @MethodSource("submissionServersThatEndTheConnection")
    void aSubmissionServerThatEndsTheConnectionIsCouldNotCheck(FaultyServer.Fault fault, TlsMode tls, ConnectResult ended)
            throws Exception {
        Run run = submissionThrough(fault, tls);
        assertThat(run.facts().smtp().connect()).isEqualTo(ended);
        assertCouldNotCheckSending(run);
    }

    @Test
    void garbageBanner() throws Exception {
        Run run = submissionThrough(FaultyServer.Fault.GARBAGE_BANNER, TlsMode.NONE);
        assertCouldNotCheckSending(run);
    }

    @Test
    void twoMegabyteReplyLineIsCutAndHarmless() throws Exception {
        Run run = submissionThrough(FaultyServer.Fault.HUGE_LINE, TlsMode.NONE);
        assertThat(run.facts().smtp().replies()).allSatisfy(r -> assertThat(r.reply().length()).isLessThan(5000));
        assertThat(run.codes()).doesNotContainAnyElementsOf(FALSE_VERDICTS);
        assertThat(run.report().rootCauses()).containsExactly("SMTP_UNREACHABLE");
    }

    @Test
    void connectionResetMidDialogue() throws Exception {
        Run run = submissionThrough(FaultyServer.Fault.RESET_AT_MAIL, TlsMode.NONE);
        assertThat(run.facts().smtp().replies()).anyMatch(r -> r.reply().startsWith("235")); // got as far as AUTH
        assertThat(run.facts().smtp().connect()).isIn(ConnectResult.ERROR, ConnectResult.TIMEOUT);
        assertCouldNotCheckSending(run);
    }

    @Test
    void certificateForAnotherNameOrNotTrusted() throws Exception {
        // GreenMail's SMTPS serves its own self-signed certificate, which is not valid for 127.0.0.1.
        Run run = diagnose(settings(mail.getSmtps().getPort(), TlsMode.IMPLICIT, mail.getSmtp().getPort()));
        assertThat(run.facts().smtp().connect()).isEqualTo(ConnectResult.TLS_ERROR);
        assertCouldNotCheckSending(run);
    }

    @Test
    void mxThatNeverSpeaksMakesReceiptUnknownNotFailed() throws Exception {
        try (FaultyServer silent = new FaultyServer(FaultyServer.Fault.SILENT)) {
            Run run = diagnose(settings(mail.getSmtp().getPort(), TlsMode.NONE, silent.port()));
            assertThat(run.facts().testEmail().sent()).isTrue();
            assertThat(run.facts().testEmail().received()).isNull();
            // report-v2: a valid MX the probe cannot use is "could not check" (a notice), never a verdict
            assertThat(run.codes()).containsExactly("MX_UNREACHABLE");
            assertThat(run.facts().inbound().attempts()).singleElement()
                    .satisfies(a -> assertThat(a.connect()).isEqualTo(org.exdiag.facts.ConnectResult.TIMEOUT));
        }
    }

    @Test
    void dnsAnswersWithTheWrongId() throws Exception {
        dns.fault(TestDnsServer.Fault.WRONG_ID, true);
        Run run = diagnose(settings(mail.getSmtp().getPort(), TlsMode.NONE, mail.getSmtp().getPort()));
        assertThat(run.facts().dns().mx().status()).isIn(LookupStatus.TIMEOUT, LookupStatus.ERROR);
        assertThat(run.codes()).contains("MX_LOOKUP_FAILED").doesNotContainAnyElementsOf(FALSE_VERDICTS);
        assertThat(run.took()).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void truncatedDnsAnswersWithoutTcp() throws Exception {
        dns.fault(TestDnsServer.Fault.TRUNCATE_UDP, true).fault(TestDnsServer.Fault.CLOSE_TCP, true);
        Run run = diagnose(settings(mail.getSmtp().getPort(), TlsMode.NONE, mail.getSmtp().getPort()));
        assertThat(run.facts().dns().mx().status()).isIn(LookupStatus.TIMEOUT, LookupStatus.ERROR);
        assertThat(run.codes()).contains("MX_LOOKUP_FAILED").doesNotContainAnyElementsOf(FALSE_VERDICTS);
    }

    @Test
    void servfail() throws Exception {
        dns.servfail("example.com").servfail("_autodiscover._tcp.example.com");
        Run run = diagnose(settings(mail.getSmtp().getPort(), TlsMode.NONE, mail.getSmtp().getPort()));
        // the domain's SPF record is a TXT lookup of the same name: it fails too, and says so
        assertThat(run.codes()).containsExactlyInAnyOrder("MX_LOOKUP_FAILED", "SRV_LOOKUP_FAILED", "DNS_LOOKUP_FAILED");
        assertThat(run.report().verdict().wire()).isEqualTo("incomplete");
    }
}
