package org.exdiag.probe;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.AutodiscoverMethod;
import org.exdiag.facts.ClientFacts.Attempt;
import org.exdiag.facts.ClientFacts.Http;
import org.exdiag.facts.ClientFacts.Protocol;
import org.exdiag.facts.ClientFacts.Response;
import org.exdiag.facts.ClientFacts.Result;
import org.exdiag.facts.DnsLookup;
import org.exdiag.facts.Hosts;
import org.exdiag.facts.LookupStatus;
import org.exdiag.facts.SrvRecord;
import org.exdiag.probe.client.AutodiscoverXml;

/**
 * Outlook's way to its settings, as Outlook takes it (MS-OXDSCLI 3.1.5): POST the Autodiscover request to
 * {@code https://<domain>/autodiscover/autodiscover.xml}, then to {@code https://autodiscover.<domain>/...},
 * then GET {@code http://autodiscover.<domain>/...} for a redirect to an https URL, then the target of the
 * {@code _autodiscover._tcp} SRV record. Every way is tried, even after one worked: the report needs all.
 * A redirect (an HTTP 3xx, the plain-http redirect, an Autodiscover redirectUrl or redirectAddr) is
 * followed as a further attempt of the same way, at most {@link #MAX_REDIRECTS} times, only to https and
 * only to addresses the redirect policy allows.
 */
final class AutodiscoverWalk {
    static final String PATH = "/autodiscover/autodiscover.xml";
    static final int MAX_REDIRECTS = 10;

    private final ClientHttp http;
    private final ClientSettings client;
    private final String domain;
    private final String mailbox;

    AutodiscoverWalk(ClientHttp http, ClientSettings client, String domain, String mailbox) {
        this.http = http;
        this.client = client;
        this.domain = Hosts.normalize(domain);
        this.mailbox = mailbox;
    }

    /** The attempts of one way, in order: the first URL, then each redirect followed. */
    private final class Way {
        final AutodiscoverMethod method;
        final List<Attempt> attempts = new ArrayList<>();
        int redirects;
        String address;

        Way(AutodiscoverMethod method) {
            this.method = method;
            this.address = mailbox;
        }

        /** POSTs the request to {@code url}, then follows what it says, within the limits. */
        CompletableFuture<List<Attempt>> post(URI url, AddressPolicy policy) {
            byte[] body = AutodiscoverXml.request(address);
            return http.send(url, "POST", body, true, policy).thenCompose(sent -> {
                var o = sent.outcome();
                Response response = o.http() == null ? null : AutodiscoverXml.parse(o.body());
                attempts.add(new Attempt(method, url.toString(), sent.address(), o.connect(), o.tls(), o.http(), response));
                URI next = null;
                if (o.http() != null && isRedirect(o.http()) && o.http().location() != null) {
                    next = httpsUrl(o.http().location());
                } else if (response != null && response.redirectUrl() != null) {
                    next = httpsUrl(response.redirectUrl());
                } else if (response != null && response.redirectAddr() != null && response.redirectAddr().contains("@")
                        && !response.redirectAddr().equalsIgnoreCase(address)) {
                    address = response.redirectAddr();
                    next = url;
                }
                if (next == null || ++redirects > MAX_REDIRECTS) {
                    return CompletableFuture.completedFuture(attempts);
                }
                return post(next, client.redirects());
            });
        }

        /** The plain-http GET: only a 301, 302 or 307 to an https URL leads on (then POSTed to). */
        CompletableFuture<List<Attempt>> httpRedirect(URI url) {
            return http.send(url, "GET", null, false, AddressPolicy.ANY).thenCompose(sent -> {
                var o = sent.outcome();
                attempts.add(new Attempt(method, url.toString(), sent.address(), o.connect(), null, o.http(), null));
                Integer status = o.http() == null ? null : o.http().status();
                URI next = status != null && (status == 301 || status == 302 || status == 307) && o.http().location() != null
                        ? httpsUrl(o.http().location()) : null;
                if (next == null) {
                    return CompletableFuture.completedFuture(attempts);
                }
                redirects++;
                return post(next, client.redirects());
            });
        }
    }

    private static boolean isRedirect(Http h) {
        return h.status() != null && h.status() >= 300 && h.status() < 400;
    }

    /** An absolute https URL, or null: Outlook follows no redirect to plain http. */
    private static URI httpsUrl(String location) {
        try {
            URI uri = new URI(location);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private URI url(String scheme, String host, Integer port) {
        int defaultPort = "https".equals(scheme) ? 443 : 80;
        return URI.create(scheme + "://" + host + (port == null || port == defaultPort ? "" : ":" + port) + PATH);
    }

    CompletableFuture<List<Attempt>> rootDomain() {
        return new Way(AutodiscoverMethod.ROOT_DOMAIN).post(url("https", domain, client.httpsPort()), AddressPolicy.ANY);
    }

    CompletableFuture<List<Attempt>> autodiscoverHost() {
        return new Way(AutodiscoverMethod.AUTODISCOVER_HOST).post(url("https", "autodiscover." + domain, client.httpsPort()),
                AddressPolicy.ANY);
    }

    CompletableFuture<List<Attempt>> httpRedirect() {
        return new Way(AutodiscoverMethod.HTTP_REDIRECT).httpRedirect(url("http", "autodiscover." + domain, client.httpPort()));
    }

    /** The SRV record's first target by priority (then weight), on its port unless the lab names one; none: no attempt. */
    CompletableFuture<List<Attempt>> srv(DnsLookup<SrvRecord> lookup) {
        if (lookup == null || lookup.status() != LookupStatus.OK || lookup.records().isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        SrvRecord best = lookup.records().stream()
                .filter(r -> Hosts.isHostName(Hosts.normalize(r.target())))
                .min(java.util.Comparator.comparing(SrvRecord::priority).thenComparing(SrvRecord::weight, java.util.Comparator.reverseOrder()))
                .orElse(null);
        if (best == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        Integer port = client.httpsPort() != null ? client.httpsPort() : Integer.valueOf(best.port());
        return new Way(AutodiscoverMethod.SRV).post(url("https", Hosts.normalize(best.target()), port), AddressPolicy.ANY);
    }

    /**
     * The attempt Outlook takes its settings from: the first, in order, whose answer lists protocols
     * without an error; the EWS URL of its EXCH entry (else EXPR, else any).
     */
    static Result result(List<Attempt> attempts) {
        for (Attempt a : attempts) {
            Response r = a.response();
            if (r != null && r.errorCode() == null && !r.protocols().isEmpty()) {
                return new Result(a.method(), ewsUrl(r.protocols()));
            }
        }
        return null;
    }

    private static String ewsUrl(List<Protocol> protocols) {
        for (String type : List.of("EXCH", "EXPR")) {
            for (Protocol p : protocols) {
                if (type.equalsIgnoreCase(p.type()) && p.ewsUrl() != null) {
                    return p.ewsUrl();
                }
            }
        }
        return protocols.stream().map(Protocol::ewsUrl).filter(u -> u != null).findFirst().orElse(null);
    }
}
