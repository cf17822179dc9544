package org.exdiag.probe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.exdiag.facts.Expectation;

/**
 * Where and how the live probes run.
 *
 * @param dns            resolver for every lookup, MX host addresses included; null: the system's
 * @param webmail        authentication check URL; null: skipped
 * @param connectTimeout bound on each connection and each read
 * @param receiveTimeout how long the inbound test waits for its message
 * @param overallTimeout bound on the whole diagnostic; what is not done by then is "could not check"
 * @param addresses      which addresses DNS may send the inbound test to
 * @param offerGiven     whether the offer in {@code expect} was said by the user (else the provider's wins)
 * @param validMxHosts   the provider's valid MX hosts for the mailbox's setup (expected-values.yaml): when the
 *                       domain's MX is none of them, a second test email goes straight to the first; empty: never
 */
public record DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                                 TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                                 Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                                 String heloName, AddressPolicy addresses, boolean offerGiven, List<String> validMxHosts) {
    public DiagnosticSettings {
        validMxHosts = validMxHosts == null ? List.of() : List.copyOf(validMxHosts);
    }

    /** Settings without a second test straight to the provider's MX. */
    public DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                              TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                              Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                              String heloName, AddressPolicy addresses, boolean offerGiven) {
        this(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout, receiveTimeout, overallTimeout,
                expect, heloName, addresses, offerGiven, List.of());
    }

    public DiagnosticSettings withValidMx(List<String> hosts) {
        return new DiagnosticSettings(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout,
                receiveTimeout, overallTimeout, expect, heloName, addresses, offerGiven, hosts);
    }
}
