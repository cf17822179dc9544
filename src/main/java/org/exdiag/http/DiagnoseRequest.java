package org.exdiag.http;

import org.exdiag.probe.DiagnosticOptions;

/**
 * The body of {@code POST /api/v1/diagnose}. The password arrives as characters and is wiped once
 * the probes are done. {@code sendingIp} lists addresses the mail leaves from, checked as receivers see
 * them (reverse DNS, the block lists of expected-values.yaml). {@code lab} points the probes elsewhere and is refused unless the server was
 * started with --diagnose-lab.
 */
record DiagnoseRequest(String mailbox, char[] password, String offer, String setup, String privateHost,
                       Integer timeout, Integer receiveTimeout, java.util.List<String> dkimSelectors,
                       java.util.List<String> sendingIp, Lab lab) {

    record Lab(String dns, String smtp, String smtpTls, String imap, String imapTls, Integer mxPort, String webmailUrl) {
    }

    DiagnosticOptions options() {
        Lab l = lab == null ? new Lab(null, null, null, null, null, null, null) : lab;
        return new DiagnosticOptions(offer, setup, privateHost, l.dns(), l.smtp(), l.smtpTls(), l.imap(), l.imapTls(),
                l.mxPort(), l.webmailUrl(), timeout, receiveTimeout, null, sendingIp, null);
    }

    java.util.List<String> selectors() {
        return dkimSelectors == null ? java.util.List.of() : dkimSelectors;
    }

    @Override
    public String toString() {
        return "DiagnoseRequest[mailbox=" + mailbox + ", password=hidden]";
    }
}
