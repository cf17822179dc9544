package org.exdiag.probe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.exdiag.expected.BlockLists;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.expected.ExpectedValues;

/**
 * A live diagnostic as a person asks for it (command line or HTTP request), all optional, turned into
 * {@link DiagnosticSettings} with the defaults: the provider's server (from the rules'
 * expected-values.yaml), STARTTLS submission on 587, IMAP over TLS on 993, MX delivery on port 25. Bad
 * values give an IllegalArgumentException naming the option.
 *
 * @param sendingIps addresses the mail leaves from, to check as receivers see them (reverse DNS, block lists)
 * @param dnsbl      the block lists' zones instead of expected-values.yaml's: a list, or {@code none}; null: the file's
 */
public record DiagnosticOptions(String offer, String setup, String privateHost, String dns, String smtp, String smtpTls,
                                String imap, String imapTls, Integer mxPort, String webmailUrl, Integer timeoutSeconds,
                                Integer receiveTimeoutSeconds, String helo, List<String> sendingIps, List<String> dnsbl) {
    /**
     * The settings, with the provider's values from the rules' expected-values.yaml: the hosted offer's
     * server, and the valid MX hosts of the mail setup (for the second test straight to the provider's MX).
     */
    public DiagnosticSettings settings(AddressPolicy addresses, ExpectedValues expected) {
        String hostedServer = expected.server("hosted");
        Offer offerValue = parse("offer", () -> offer == null ? (privateHost != null ? Offer.PRIVATE : Offer.HOSTED)
                : Offer.valueOf(offer.toUpperCase(Locale.ROOT)));
        MailSetup setupValue = parse("setup", () -> setup == null ? null
                : MailSetup.valueOf(setup.toUpperCase(Locale.ROOT).replace('-', '_')));
        if (offerValue == Offer.PRIVATE && privateHost == null) {
            throw new IllegalArgumentException("the private offer needs the private host");
        }
        String server = offerValue == Offer.PRIVATE ? privateHost : hostedServer;
        TlsMode smtpMode = parse("smtp-tls", () -> smtpTls == null ? TlsMode.STARTTLS : TlsMode.parse(smtpTls));
        TlsMode imapMode = parse("imap-tls", () -> imapTls == null ? TlsMode.IMPLICIT : TlsMode.parse(imapTls));
        Endpoint smtpEndpoint = parse("smtp", () -> Endpoint.parse(smtp == null ? server : smtp, smtpMode == TlsMode.IMPLICIT ? 465 : 587));
        Endpoint imapEndpoint = parse("imap", () -> Endpoint.parse(imap == null ? server : imap, imapMode == TlsMode.IMPLICIT ? 993 : 143));
        Endpoint dnsEndpoint = dns == null ? null : parse("dns", () -> Endpoint.parse(dns, 53));
        URI webmail = "none".equalsIgnoreCase(webmailUrl) ? null
                : parse("webmail-url", () -> URI.create(webmailUrl == null ? "https://" + server + "/EWS/Exchange.asmx" : webmailUrl));
        int timeout = timeoutSeconds == null ? 120 : timeoutSeconds;
        int receive = receiveTimeoutSeconds == null ? 60 : receiveTimeoutSeconds;
        int port = mxPort == null ? 25 : mxPort;
        if (timeout < 1 || timeout > 3600 || receive < 0 || receive > 3600 || port < 1 || port > 65535) {
            throw new IllegalArgumentException("timeout (1 to 3600 s), receive timeout (0 to 3600 s) and MX port (1 to 65535) out of range");
        }
        return new DiagnosticSettings(dnsEndpoint, Duration.ofSeconds(Math.min(5, timeout)), smtpEndpoint, smtpMode,
                imapEndpoint, imapMode, port, webmail, Duration.ofSeconds(Math.min(15, timeout)), Duration.ofSeconds(receive),
                Duration.ofSeconds(timeout), new Expectation(offerValue, setupValue, privateHost),
                helo == null ? "exdiag.localdomain" : helo, addresses, offer != null || privateHost != null,
                expected.mxHosts(setupValue == null ? expected.defaultMailSetup() : setupValue.wire()), expected.spfDomains(),
                List.of(), checkedSendingIps(), parse("dnsbl", () -> blockLists(expected.blockLists())), null);
    }

    /** The addresses given, each an IP literal (never a name: the address as receivers see it is the point). */
    private List<String> checkedSendingIps() {
        List<String> given = sendingIps == null ? List.of() : sendingIps;
        for (String ip : given) {
            if (!IpLiterals.isValid(ip)) {
                throw new IllegalArgumentException("bad sending-ip: not an IP address: " + ip);
            }
        }
        return given;
    }

    private BlockLists blockLists(BlockLists fromFile) {
        if (dnsbl == null || dnsbl.isEmpty()) {
            return fromFile;
        }
        if (dnsbl.size() == 1 && "none".equalsIgnoreCase(dnsbl.get(0))) {
            return fromFile.withZones(List.of());
        }
        for (String zone : dnsbl) {
            if (!Hosts.isHostName(zone)) {
                throw new IllegalArgumentException("not a DNS zone: " + zone);
            }
        }
        return fromFile.withZones(dnsbl.stream().map(Hosts::normalize).toList());
    }

    private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad " + option + ": " + e.getMessage(), e);
        }
    }
}
