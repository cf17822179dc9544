package org.exdiag.probe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.exdiag.expected.BlockLists;
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
 * @param sendingIps     addresses the mailbox's mail leaves from, given by the user (the private offer's server
 *                       adds its own A/AAAA): their reverse DNS and block-list listings are checked
 * @param blockLists     the DNS block lists to ask about them (expected-values.yaml, or the user's zones)
 * @param client         how the client probe goes Outlook's way (autodiscover, certificates, EWS); null: not probed
 */
public record DiagnosticSettings(Endpoint dns, Duration dnsTimeout, Endpoint smtp, TlsMode smtpTls, Endpoint imap,
                                 TlsMode imapTls, int mxPort, URI webmail, Duration connectTimeout,
                                 Duration receiveTimeout, Duration overallTimeout, Expectation expect,
                                 String heloName, AddressPolicy addresses, boolean offerGiven, List<String> validMxHosts,
                                 List<String> spfDomains, List<String> dkimSelectors, List<String> sendingIps,
                                 BlockLists blockLists, ClientSettings client) {
    public DiagnosticSettings {
        validMxHosts = validMxHosts == null ? List.of() : List.copyOf(validMxHosts);
        spfDomains = spfDomains == null ? List.of() : List.copyOf(spfDomains);
        dkimSelectors = dkimSelectors == null ? List.of() : List.copyOf(dkimSelectors);
        sendingIps = sendingIps == null ? List.of() : List.copyOf(sendingIps);
        blockLists = blockLists == null ? BlockLists.NONE : blockLists;
    }

    /** With the client probe's settings (null: not probed). */
    public DiagnosticSettings withClient(ClientSettings settings) {
        return with(b -> b.client = settings);
    }

    public DiagnosticSettings withValidMx(List<String> hosts) {
        return with(b -> b.validMxHosts = hosts);
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
        return with(b -> {
            b.spfDomains = providerSpfDomains;
            b.dkimSelectors = selectors;
        });
    }

    /** Settings named one by one, the others at their defaults: what tests and new probes build on. */
    public static DiagnosticSettings defaults() {
        return new Builder().build();
    }

    /** These settings with some changed: {@code settings.with(b -> b.mxPort = 2525)}. */
    public DiagnosticSettings with(java.util.function.Consumer<Builder> change) {
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
        b.sendingIps = sendingIps;
        b.blockLists = blockLists;
        b.client = client;
        change.accept(b);
        return b.build();
    }

    /**
     * The settings' values, to change by name in {@link #with}; the defaults: the system's resolver,
     * STARTTLS submission, IMAP over TLS, MX delivery on port 25.
     */
    public static final class Builder {
        public Endpoint dns;
        public Duration dnsTimeout = Duration.ofSeconds(5);
        public Endpoint smtp;
        public TlsMode smtpTls = TlsMode.STARTTLS;
        public Endpoint imap;
        public TlsMode imapTls = TlsMode.IMPLICIT;
        public int mxPort = 25;
        public URI webmail;
        public Duration connectTimeout = Duration.ofSeconds(10);
        public Duration receiveTimeout = Duration.ofSeconds(60);
        public Duration overallTimeout = Duration.ofSeconds(120);
        public Expectation expect = new Expectation(null, null, null);
        public String heloName = "exdiag.invalid";
        public AddressPolicy addresses = AddressPolicy.ANY;
        public boolean offerGiven;
        public List<String> validMxHosts = List.of();
        public List<String> spfDomains = List.of();
        public List<String> dkimSelectors = List.of();
        public List<String> sendingIps = List.of();
        public BlockLists blockLists = BlockLists.NONE;
        public ClientSettings client;

        private Builder() {
        }

        private DiagnosticSettings build() {
            return new DiagnosticSettings(dns, dnsTimeout, smtp, smtpTls, imap, imapTls, mxPort, webmail, connectTimeout,
                    receiveTimeout, overallTimeout, expect, heloName, addresses, offerGiven, validMxHosts, spfDomains, dkimSelectors,
                    sendingIps, blockLists, client);
        }
    }
}
