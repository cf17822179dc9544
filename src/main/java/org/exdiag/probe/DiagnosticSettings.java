package org.exdiag.probe;

import java.net.URI;
import java.time.Duration;
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
 */
public record DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                                 TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                                 Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                                 String heloName, AddressPolicy addresses, boolean offerGiven) {
}
