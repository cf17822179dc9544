package org.exdiag.probe;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.X509ExtendedTrustManager;
import org.exdiag.facts.ClientFacts.Tls;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.TlsStatus;
import org.exdiag.probe.client.RawHttp;
import org.exdiag.probe.client.TrustAnchors;
import org.xbill.DNS.Type;

/**
 * One request of the client probe to a URL: its host looked up through the run's resolver, the address
 * checked against the policy, then {@link RawHttp}. The password goes with it only when the certificate
 * checked out and the host may receive credentials ({@link ClientSettings#mayReceiveCredentials}).
 */
final class ClientHttp {
    private final ProbeRun run;
    private final ClientSettings client;
    private final RawHttp http;

    ClientHttp(ProbeRun run, ClientSettings client, Clock clock) {
        this.run = run;
        this.client = client;
        X509ExtendedTrustManager anchors = TrustAnchors.trustManager(client.trust());
        this.http = new RawHttp(anchors, run.settings().connectTimeout(), clock);
    }

    /** How one request ended, with the address connected to (null when the name did not resolve). */
    record Sent(String address, RawHttp.Outcome outcome) {
    }

    /**
     * @param withPassword whether this request would carry the password where it may (autodiscover POST, EWS)
     * @param policy       the addresses the URL may lead to
     */
    CompletableFuture<Sent> send(URI url, String method, byte[] body, boolean withPassword, AddressPolicy policy) {
        String host = url.getHost();
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        String target = path;
        return resolve(host).thenApplyAsync(address -> {
            if (address.failure() != null) {
                return new Sent(null, new RawHttp.Outcome(address.failure(), null, null, null, false));
            }
            InetAddress ip = address.ip();
            if (!policy.allows(ip) || !run.settings().addresses().allows(ip)) {
                return new Sent(ip.getHostAddress(), new RawHttp.Outcome(ConnectResult.ERROR, null, null, null, false));
            }
            RawHttp.Request request = new RawHttp.Request(method, host, ip, port, https, target, "text/xml; charset=utf-8", body,
                    withPassword ? tls -> authorization(host, tls) : null);
            return new Sent(ip.getHostAddress(), http.send(request));
        }, run.pool());
    }

    /** Basic credentials, only over a certificate that checked out, only to a host allowed to receive them. */
    private String authorization(String host, Tls tls) {
        if (tls == null || tls.status() != TlsStatus.OK || !client.mayReceiveCredentials(host) || run.password() == null
                || run.mailbox() == null) {
            return null;
        }
        String pair = run.mailbox() + ":" + run.password().reveal();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private record Address(InetAddress ip, ConnectResult failure) {
    }

    /** The host's first IPv4 address (else IPv6) by the run's resolver; a lookup that failed is a timeout or an error. */
    private CompletableFuture<Address> resolve(String host) {
        if (IpLiterals.isValid(host.replace("[", "").replace("]", ""))) {
            try {
                return CompletableFuture.completedFuture(new Address(InetAddress.getByName(host), null));
            } catch (UnknownHostException e) {
                return CompletableFuture.completedFuture(new Address(null, ConnectResult.ERROR));
            }
        }
        return run.dns().aliased(host, Type.A).thenCompose(a -> {
            if (a.status() == LookupStatus.OK && !a.values().isEmpty()) {
                return CompletableFuture.completedFuture(address(a.values()));
            }
            if (a.status() == LookupStatus.NODATA) {
                return run.dns().aliased(host, Type.AAAA).thenApply(six -> six.status() == LookupStatus.OK && !six.values().isEmpty()
                        ? address(six.values()) : new Address(null, failure(six.status())));
            }
            return CompletableFuture.completedFuture(new Address(null, failure(a.status())));
        });
    }

    private static Address address(List<String> values) {
        try {
            return new Address(InetAddress.getByName(values.get(0)), null);
        } catch (UnknownHostException e) {
            return new Address(null, ConnectResult.ERROR);
        }
    }

    private static ConnectResult failure(LookupStatus status) {
        return switch (status) {
            case NXDOMAIN, NODATA, OK -> ConnectResult.UNRESOLVED;
            case TIMEOUT -> ConnectResult.TIMEOUT;
            default -> ConnectResult.ERROR;
        };
    }
}
