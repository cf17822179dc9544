package org.exdiag.http;

import org.exdiag.probe.ClientOptions;
import org.exdiag.probe.DiagnosticOptions;
import org.exdiag.probe.client.TrustAnchors;

/**
 * The body of {@code POST /api/v1/diagnose}. The password arrives as characters and is wiped once
 * the probes are done. {@code sendingIp} lists addresses the mail leaves from, checked as receivers see
 * them (reverse DNS, the block lists of expected-values.yaml). {@code lab} points the probes elsewhere and is refused unless the server was
 * started with --diagnose-lab.
 */
record DiagnoseRequest(String mailbox, char[] password, String offer, String setup, String privateHost,
                       Integer timeout, Integer receiveTimeout, java.util.List<String> dkimSelectors,
                       java.util.List<String> sendingIp, String client, Lab lab) {

    /** @param trust PEM certificates trusted besides the system's (the lab's CA) */
    record Lab(String dns, String smtp, String smtpTls, String imap, String imapTls, Integer mxPort, String webmailUrl,
               Integer autodiscoverPort, Integer autodiscoverHttpPort, String trust) {
    }

    DiagnosticOptions options() {
        Lab l = lab == null ? NO_LAB : lab;
        return new DiagnosticOptions(offer, setup, privateHost, l.dns(), l.smtp(), l.smtpTls(), l.imap(), l.imapTls(),
                l.mxPort(), l.webmailUrl(), timeout, receiveTimeout, null, sendingIp, null);
    }

    private static final Lab NO_LAB = new Lab(null, null, null, null, null, null, null, null, null, null);

    /** The client probe's options: {@code client} auto or none; the lab's ports and trusted certificates. */
    ClientOptions clientOptions() {
        Lab l = lab == null ? NO_LAB : lab;
        java.util.List<java.security.cert.X509Certificate> trusted = l.trust() == null ? java.util.List.of()
                : TrustAnchors.pem(new java.io.ByteArrayInputStream(l.trust().getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                "lab.trust");
        return new ClientOptions(client, l.autodiscoverPort(), l.autodiscoverHttpPort(), trusted, java.util.List.of());
    }

    java.util.List<String> selectors() {
        return dkimSelectors == null ? java.util.List.of() : dkimSelectors;
    }

    @Override
    public String toString() {
        return "DiagnoseRequest[mailbox=" + mailbox + ", password=hidden]";
    }
}
