package org.exdiag.probe;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The servers a live diagnostic talks to in tests, on loopback: GreenMail (SMTP, IMAP, optionally
 * SMTPS) holding the mailbox, and the test DNS server with a correct zone for example.com (MX
 * mx1.mail.ovh.net at 127.0.0.1, autodiscover SRV 0 0 443 ex.mail.ovh.net). A test class holds a new one for
 * each test as {@code @AutoClose private final MailLab lab = new MailLab(PASSWORD);}: JUnit closes it after the test.
 */
public final class MailLab implements AutoCloseable {
    public static final String MAILBOX = "jane@example.com";

    public final GreenMail mail;
    public TestDnsServer dns;

    public MailLab(String password) {
        this(password, false);
    }

    public MailLab(String password, boolean withSmtps) {
        ServerSetup[] setups = withSmtps
                ? new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()}
                : new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()};
        mail = new GreenMail(setups);
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, password);
        try {
            dns = healthyZone(new TestDnsServer());
        } catch (IOException e) {
            mail.stop();
            throw new UncheckedIOException("the test DNS server did not start", e);
        }
    }

    /** The correct zone for example.com, with the provider's SPF record its own names. */
    public static TestDnsServer healthyZone(TestDnsServer dns) {
        return healthyDomainRecords(dns.mx("example.com", 1, "mx1.mail.ovh.net").a("mx1.mail.ovh.net", "127.0.0.1")
                .srv("_autodiscover._tcp.example.com", 0, 0, 443, "ex.mail.ovh.net"));
    }

    /** SPF and DMARC records of example.com as they should be for Hosted Exchange in Europe. */
    public static TestDnsServer healthyDomainRecords(TestDnsServer dns) {
        return dns.txt("example.com", "v=spf1 include:mx.ovh.com ~all")
                .txt("example.com", "google-site-verification=abc123")
                .txt("_dmarc.example.com", "v=DMARC1; p=none; rua=mailto:dmarc@example.com")
                .txt("mx.ovh.com", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:100::/48 ~all")
                // DKIM published as the provider's aliases (the selectors and targets FakeOvhApi lists)
                .cname("ovhex123456-selector1._domainkey.example.com", "ovhex123456-selector1._domainkey.1500.ab.dkim.mail.ovh.net")
                .txt("ovhex123456-selector1._domainkey.1500.ab.dkim.mail.ovh.net", "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0B")
                .cname("ovhex123456-selector2._domainkey.example.com", "ovhex123456-selector2._domainkey.1500.ab.dkim.mail.ovh.net")
                .txt("ovhex123456-selector2._domainkey.1500.ab.dkim.mail.ovh.net", "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0C");
    }

    /** Swaps the DNS server for another zone (the old one is closed). */
    public TestDnsServer replaceDns(TestDnsServer other) {
        dns.close();
        dns = other;
        return other;
    }

    /**
     * Settings aimed at the lab, in plain text: its DNS server, GreenMail's SMTP (submission and MX) and
     * IMAP, a hosted Exchange-only mailbox as the user said it; tests change what they test.
     */
    public DiagnosticSettings settings() {
        return DiagnosticSettings.defaults().with(b -> {
            b.dns = Endpoint.parse(dns.address(), 53);
            b.dnsTimeout = java.time.Duration.ofSeconds(1);
            b.smtp = new Endpoint("127.0.0.1", smtpPort());
            b.smtpTls = TlsMode.NONE;
            b.imap = new Endpoint("127.0.0.1", imapPort());
            b.imapTls = TlsMode.NONE;
            b.mxPort = smtpPort();
            b.connectTimeout = java.time.Duration.ofSeconds(3);
            b.receiveTimeout = java.time.Duration.ofSeconds(10);
            b.overallTimeout = java.time.Duration.ofSeconds(20);
            b.expect = new org.exdiag.facts.Expectation(org.exdiag.facts.Offer.HOSTED, org.exdiag.facts.MailSetup.EXCHANGE_ONLY, null);
            b.heloName = "exdiag.test";
            b.offerGiven = true;
        });
    }

    /**
     * The same aim on the command line: {@code --dns}, {@code --smtp}, {@code --imap} and {@code --mx-port}
     * at the lab in plain text, no webmail; what {@code exdiag diagnose} tests give before their own options.
     */
    public java.util.List<String> commandLine() {
        return java.util.List.of("--dns", dns.address(), "--smtp", "127.0.0.1:" + smtpPort(), "--smtp-tls", "none",
                "--imap", "127.0.0.1:" + imapPort(), "--imap-tls", "none", "--mx-port", Integer.toString(smtpPort()),
                "--webmail-url", "none");
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    @Override
    public void close() {
        mail.stop();
        dns.close();
    }
}
