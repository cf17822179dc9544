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
 * @param spfDomains     the provider's SPF domains (hosted offer): the addresses they name are checked against
 *                       the domain's SPF policy
 * @param dkimSelectors  DKIM selectors to look up when the provider's API does not list them
 */
public record DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                                 TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                                 Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                                 String heloName, AddressPolicy addresses, boolean offerGiven, List<String> validMxHosts,
                                 List<String> spfDomains, List<String> dkimSelectors) {
    public DiagnosticSettings {
        validMxHosts = validMxHosts == null ? List.of() : List.copyOf(validMxHosts);
        spfDomains = spfDomains == null ? List.of() : List.copyOf(spfDomains);
        dkimSelectors = dkimSelectors == null ? List.of() : List.copyOf(dkimSelectors);
    }

    /** Settings without a second test straight to the provider's MX. */
    public DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                              TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                              Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                              String heloName, AddressPolicy addresses, boolean offerGiven) {
        this(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout, receiveTimeout, overallTimeout,
                expect, heloName, addresses, offerGiven, List.of(), List.of(), List.of());
    }

    public DiagnosticSettings withValidMx(List<String> hosts) {
        return new DiagnosticSettings(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout,
                receiveTimeout, overallTimeout, expect, heloName, addresses, offerGiven, hosts, spfDomains, dkimSelectors);
    }

    /** With DKIM selectors named by the user; a selector must be a DNS name (RFC 6376 3.1). */
    public DiagnosticSettings withDkimSelectors(List<String> selectors) {
        checkDkimSelectors(selectors);
        return withDomainRecords(spfDomains, selectors);
    }

    public static void checkDkimSelectors(List<String> selectors) {
        for (String s : selectors) {
            if (!s.matches("[A-Za-z0-9_]([A-Za-z0-9_-]{0,62})(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,62}))*")) {
                throw new IllegalArgumentException("not a DKIM selector: '" + s + "' (letters, digits, '-', '_' and dots)");
            }
        }
    }

    public DiagnosticSettings withDomainRecords(List<String> providerSpfDomains, List<String> selectors) {
        return new DiagnosticSettings(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout,
                receiveTimeout, overallTimeout, expect, heloName, addresses, offerGiven, validMxHosts, providerSpfDomains, selectors);
    }
}
