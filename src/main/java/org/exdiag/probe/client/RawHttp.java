package org.exdiag.probe.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.exdiag.facts.ClientFacts;
import org.exdiag.facts.ClientFacts.Http;
import org.exdiag.facts.ClientFacts.Tls;
import org.exdiag.facts.ConnectResult;
import org.exdiag.facts.IpLiterals;
import org.exdiag.facts.TlsStatus;

/**
 * One HTTP/1.1 request on a socket of its own, to an address the caller resolved (so that the lab's DNS
 * and the address policy apply, and the address is known), with the host name kept for SNI, the
 * certificate check and the Host header. Nothing is followed: a redirect is reported. Every stage says
 * how it ended (connection, TLS, HTTP) instead of throwing: a timeout or a refusal is an outcome.
 * Bounded: headers 64 KiB, body {@link #MAX_BODY}.
 */
public final class RawHttp {
    /** Autodiscover answers are a few KiB; more is not an answer worth reading. */
    public static final int MAX_BODY = 256 * 1024;
    private static final int MAX_HEADERS = 64 * 1024;

    private final X509ExtendedTrustManager anchors;
    private final Duration timeout;
    private final Clock clock;

    public RawHttp(X509ExtendedTrustManager anchors, Duration timeout, Clock clock) {
        this.anchors = anchors;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * @param method        GET or POST
     * @param body          null for none
     * @param authorization given the certificate's check (null for http), the Authorization header's
     *                      value to send, or null: the caller decides after the handshake whether the
     *                      server may receive credentials
     */
    public record Request(String method, String host, InetAddress address, int port, boolean https, String path,
                          String contentType, byte[] body, Function<Tls, String> authorization) {
    }

    /**
     * @param tls             null for http or when no handshake was reached
     * @param http            null when no HTTP answer came
     * @param credentialsSent whether an Authorization header went out
     */
    public record Outcome(ConnectResult connect, Tls tls, Http http, byte[] body, boolean credentialsSent) {
        static Outcome connect(ConnectResult result) {
            return new Outcome(result, null, null, null, false);
        }
    }

    public Outcome send(Request request) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket raw = new Socket()) {
            try {
                raw.connect(new InetSocketAddress(request.address(), request.port()), millis);
            } catch (SocketTimeoutException e) {
                return Outcome.connect(ConnectResult.TIMEOUT);
            } catch (ConnectException e) {
                return Outcome.connect(ConnectResult.REFUSED);
            } catch (NoRouteToHostException e) {
                return Outcome.connect(ConnectResult.ERROR);
            }
            raw.setSoTimeout(millis);
            Socket socket = raw;
            Tls tls = null;
            if (request.https()) {
                RecordingTrustManager recorder = new RecordingTrustManager(anchors, clock.instant());
                SSLSocket ssl = (SSLSocket) context(recorder).getSocketFactory().createSocket(raw, request.host(), request.port(), true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!IpLiterals.isValid(request.host())) {
                    params.setServerNames(List.of(new SNIHostName(request.host())));
                }
                ssl.setSSLParameters(params);
                try {
                    ssl.startHandshake();
                } catch (IOException e) {
                    Tls seen = recorder.seen();
                    return new Outcome(ConnectResult.OK, seen != null ? seen : new Tls(TlsStatus.HANDSHAKE_FAILED, null, null, null, null),
                            null, null, false);
                }
                tls = recorder.seen();
                socket = ssl;
            }
            String authorization = request.authorization() == null ? null : request.authorization().apply(tls);
            try {
                write(socket.getOutputStream(), request, authorization);
                return read(socket.getInputStream(), tls, authorization != null);
            } catch (IOException e) {
                return new Outcome(ConnectResult.OK, tls, null, null, authorization != null);
            }
        } catch (IOException e) {
            return Outcome.connect(ConnectResult.ERROR);
        }
    }

    private static SSLContext context(TrustManager trust) throws IOException {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS", e);
        }
    }

    private static void write(OutputStream out, Request r, String authorization) throws IOException {
        boolean defaultPort = r.port() == (r.https() ? 443 : 80);
        StringBuilder head = new StringBuilder()
                .append(r.method()).append(' ').append(r.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(r.host()).append(defaultPort ? "" : ":" + r.port()).append("\r\n")
                .append("User-Agent: exdiag\r\n")
                .append("Accept: text/xml, */*\r\n")
                .append("Connection: close\r\n");
        if (r.body() != null) {
            head.append("Content-Type: ").append(r.contentType()).append("\r\n")
                    .append("Content-Length: ").append(r.body().length).append("\r\n");
        }
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        head.append("\r\n");
        byte[] bytes = head.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes);
        java.util.Arrays.fill(bytes, (byte) 0);
        if (r.body() != null) {
            out.write(r.body());
        }
        out.flush();
    }

    private static Outcome read(InputStream in, Tls tls, boolean credentialsSent) throws IOException {
        Bounded bounded = new Bounded(in, MAX_HEADERS);
        String statusLine = bounded.line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status");
        }
        if (status < 100 || status > 599) {
            throw new IOException("not an HTTP status");
        }
        String location = null;
        long length = -1;
        boolean chunked = false;
        List<String> schemes = new ArrayList<>();
        for (String line = bounded.line(); !line.isEmpty(); line = bounded.line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "location" -> location = location == null ? value : location;
                case "content-length" -> length = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "www-authenticate" -> schemes(value, schemes);
                default -> {
                }
            }
        }
        byte[] body = status == 204 || status == 304 ? new byte[0] : body(in, chunked, length);
        return new Outcome(ConnectResult.OK, tls, new Http(status, usableLocation(location), schemes), body, credentialsSent);
    }

    /** The redirect target when it is an absolute http(s) URL facts can hold; else none. */
    private static String usableLocation(String location) {
        return location == null || ClientFacts.isHttpUrl(location) ? location : null;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The schemes of a WWW-Authenticate header ("Negotiate, NTLM", "Basic realm=\"x\""): the tokens before parameters. */
    static void schemes(String value, List<String> into) {
        for (String challenge : value.split(",")) {
            String token = challenge.trim().split("[ =]", 2)[0];
            boolean parameter = challenge.trim().length() > token.length() && challenge.trim().charAt(token.length()) == '=';
            if (!token.isEmpty() && !parameter && token.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,40}")
                    && into.stream().noneMatch(token::equalsIgnoreCase) && into.size() < 10) {
                into.add(token);
            }
        }
    }

    private static byte[] body(InputStream in, boolean chunked, long length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (chunked) {
            Bounded lines = new Bounded(in, MAX_BODY);
            while (out.size() < MAX_BODY) {
                String size = lines.line().split(";", 2)[0].trim();
                int n;
                try {
                    n = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    break;
                }
                if (n <= 0) {
                    break;
                }
                copy(in, out, Math.min(n, MAX_BODY - out.size()));
                lines.line();
            }
        } else {
            copy(in, out, length < 0 ? MAX_BODY : (int) Math.min(length, MAX_BODY));
        }
        return out.toByteArray();
    }

    /** Up to {@code n} bytes, fewer when the stream ends. */
    private static void copy(InputStream in, ByteArrayOutputStream out, int n) throws IOException {
        byte[] buffer = new byte[8192];
        int left = n;
        while (left > 0) {
            int read = in.read(buffer, 0, Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    /** CRLF lines of an input, at most {@code limit} bytes in all. */
    private static final class Bounded {
        private final InputStream in;
        private int left;

        Bounded(InputStream in, int limit) {
            this.in = in;
            this.left = limit;
        }

        String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            while (true) {
                if (left-- <= 0) {
                    throw new IOException("header too long");
                }
                int b = in.read();
                if (b < 0) {
                    if (line.size() == 0) {
                        throw new EOFException("the answer ended");
                    }
                    break;
                }
                if (b == '\n') {
                    break;
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
