package org.exdiag.facts;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;

/**
 * What Outlook and phones go through to find and reach the mailbox (facts v3 {@code client}): whether a
 * wildcard record answers for any name under the domain, every autodiscover attempt in Outlook's order
 * (each tried even after one succeeded), the attempt Outlook would take its settings from, and an
 * authenticated request to the EWS URL it gave. Probes reduce what they saw to these fields: no
 * library's exception text reaches the rules.
 *
 * @param wildcard a random label under the domain resolves; null: not checked
 */
public record ClientFacts(Boolean wildcard, Autodiscover autodiscover, Ews ews) {

    /** Outlook's attempts in order, and the one it would take its settings from (null: none worked). */
    public record Autodiscover(List<Attempt> attempts, Result result) {
        public Autodiscover {
            attempts = Checks.copyOrEmpty(attempts);
        }
    }

    /**
     * One URL Outlook tries.
     *
     * @param address  the address connected to; null when the name did not resolve
     * @param tls      null for http:// or when no TLS handshake was reached
     * @param http     null when no HTTP answer came
     * @param response the Autodiscover XML, when the body was one
     */
    public record Attempt(AutodiscoverMethod method, String url, String address, ConnectResult connect, Tls tls, Http http,
                          Response response) {
        public Attempt {
            if (method == null) {
                throw new InvalidFactException("method", "is required");
            }
            checkUrl("url", url, true);
            Checks.ipAddress("address", address);
            if (connect == null) {
                throw new InvalidFactException("connect", "is required");
            }
        }
    }

    /**
     * The certificate a server presented and how it checked out, judged by the probe against its trust
     * store and the host name (dates are kept so that rules judge them against {@code collectedAt}).
     */
    public record Tls(TlsStatus status, String subject, List<String> names, String issuer, Instant notAfter) {
        public Tls {
            if (status == null) {
                throw new InvalidFactException("status", "is required");
            }
            names = Checks.copyOrEmpty(names);
        }
    }

    /**
     * The HTTP answer: its status, the redirect target for 3xx, and the authentication schemes offered
     * ({@code WWW-Authenticate}: Basic, NTLM, Negotiate, Bearer...).
     */
    public record Http(Integer status, String location, List<String> authMethods) {
        public Http {
            Checks.inRange("status", status, 100, 599);
            checkUrl("location", location, false);
            authMethods = Checks.copyOrEmpty(authMethods);
        }
    }

    /** The Autodiscover XML answer (POX): its error code, a redirect, and the protocols it lists. */
    public record Response(Integer errorCode, String redirectAddr, String redirectUrl, List<Protocol> protocols) {
        public Response {
            checkUrl("redirectUrl", redirectUrl, false);
            protocols = Checks.copyOrEmpty(protocols);
        }
    }

    /** One {@code Account/Protocol} entry: EXCH, EXPR, EXHTTP... */
    public record Protocol(String type, String server, String ewsUrl) {
        public Protocol {
            Checks.required("type", type);
            Checks.hostName("server", server);
            checkUrl("ewsUrl", ewsUrl, false);
        }
    }

    /** The attempt Outlook would take its settings from. */
    public record Result(AutodiscoverMethod method, String ewsUrl) {
        public Result {
            if (method == null) {
                throw new InvalidFactException("method", "is required");
            }
            checkUrl("ewsUrl", ewsUrl, false);
        }
    }

    /** An authenticated request to the EWS URL the result gave. */
    public record Ews(String url, ConnectResult connect, Tls tls, Http http, EwsLogin login) {
        public Ews {
            checkUrl("url", url, true);
            if (connect == null) {
                throw new InvalidFactException("connect", "is required");
            }
        }
    }

    /** An http or https URL of at most 2,048 characters; {@code required}: not null. */
    private static void checkUrl(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidFactException(field, "is required");
            }
            return;
        }
        if (!isHttpUrl(value)) {
            throw new InvalidFactException(field, "is not an http or https URL: " + Hosts.quoteForError(value));
        }
    }

    /** Whether {@code value} (not null) is a URL the client facts can hold: http or https, with a host, 2,048 characters at most. */
    public static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return value.length() <= 2048 && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether {@code value} (not null) is a server name the client facts can hold. */
    public static boolean isServerName(String value) {
        return Checks.isHostName(value);
    }
}
