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

    public DiagnosticSettings withValidMx(List<String> hosts) {
        return toBuilder().validMxHosts(hosts).build();
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
        return toBuilder().spfDomains(providerSpfDomains).dkimSelectors(selectors).build();
    }

    /** Settings named one by one, the others at their defaults: what tests and new probes build on. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.dns = dns;
        b.dnsTimeout = dnsTimeout;
        b.smtp = smtp;
        b.smtpTls = smtpTls;
        b.imap = imap;
        b.imapTls = imapTls;
        b.mxPort = mxPort;
        b.webmail = webmail;
        b.connectTimeout = connectTimeout;
        b.receiveTimeout = receiveTimeout;
        b.overallTimeout = overallTimeout;
        b.expect = expect;
        b.heloName = heloName;
        b.addresses = addresses;
        b.offerGiven = offerGiven;
        b.validMxHosts = validMxHosts;
        b.spfDomains = spfDomains;
        b.dkimSelectors = dkimSelectors;
        return b;
    }

    /** Builds settings by name; defaults: the system's resolver, STARTTLS submission, IMAP over TLS, port 25. */
    public static final class Builder {
        private Endpoint dns;
        private Duration dnsTimeout = Duration.ofSeconds(5);
        private Endpoint smtp;
        private TlsMode smtpTls = TlsMode.STARTTLS;
        private Endpoint imap;
        private TlsMode imapTls = TlsMode.IMPLICIT;
        private int mxPort = 25;
        private URI webmail;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration receiveTimeout = Duration.ofSeconds(60);
        private Duration overallTimeout = Duration.ofSeconds(120);
        private Expectation expect = new Expectation(null, null, null);
        private String heloName = "exdiag.invalid";
        private AddressPolicy addresses = AddressPolicy.ANY;
        private boolean offerGiven;
        private List<String> validMxHosts = List.of();
        private List<String> spfDomains = List.of();
        private List<String> dkimSelectors = List.of();

        private Builder() {
        }

        public Builder dns(Endpoint v) {
            dns = v;
            return this;
        }

        public Builder dnsTimeout(Duration v) {
            dnsTimeout = v;
            return this;
        }

        public Builder smtp(Endpoint v, TlsMode tls) {
            smtp = v;
            smtpTls = tls;
            return this;
        }

        public Builder imap(Endpoint v, TlsMode tls) {
            imap = v;
            imapTls = tls;
            return this;
        }

        public Builder mxPort(int v) {
            mxPort = v;
            return this;
        }

        public Builder webmail(URI v) {
            webmail = v;
            return this;
        }

        public Builder timeouts(Duration connect, Duration receive, Duration overall) {
            connectTimeout = connect;
            receiveTimeout = receive;
            overallTimeout = overall;
            return this;
        }

        public Builder expect(Expectation v) {
            expect = v;
            return this;
        }

        public Builder heloName(String v) {
            heloName = v;
            return this;
        }

        public Builder addresses(AddressPolicy v) {
            addresses = v;
            return this;
        }

        public Builder offerGiven(boolean v) {
            offerGiven = v;
            return this;
        }

        public Builder validMxHosts(List<String> v) {
            validMxHosts = v;
            return this;
        }

        public Builder spfDomains(List<String> v) {
            spfDomains = v;
            return this;
        }

        public Builder dkimSelectors(List<String> v) {
            dkimSelectors = v;
            return this;
        }

        public DiagnosticSettings build() {
            return new DiagnosticSettings(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout,
                    receiveTimeout, overallTimeout, expect, heloName, addresses, offerGiven, validMxHosts, spfDomains, dkimSelectors);
        }
    }
}
