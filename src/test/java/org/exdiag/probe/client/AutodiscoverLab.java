package org.exdiag.probe.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Outlook's servers in tests, on loopback only: each "host" is an address of 127.0.0.0/8 (the test DNS
 * server names it), with an HTTPS server on the lab's https port presenting a certificate made by
 * {@link TestCertificates}, or a plain HTTP server on the lab's http port. Every request is recorded with
 * its Authorization header, so that tests prove where the password went. The ports are the same on every
 * address, as {@code --autodiscover-port} and {@code --autodiscover-http-port} want.
 */
public final class AutodiscoverLab implements AutoCloseable {
    /** One request a lab server received. */
    public record Received(String server, String method, String path, String authorization, String body) {
    }

    public final TestCertificates certs = new TestCertificates();
    public final int httpsPort;
    public final int httpPort;
    public final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();

    public AutodiscoverLab() {
        httpsPort = freePort();
        int other;
        do {
            other = freePort();
        } while (other == httpsPort);
        httpPort = other;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTPS server on {@code ip} (127.x.y.z) presenting {@code identity}, answering with {@code handler}. */
    public AutodiscoverLab https(String ip, TestCertificates.Identity identity, HttpHandler handler) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(ip, httpsPort), 16);
            server.setHttpsConfigurator(new HttpsConfigurator(identity.serverContext()));
            start(server, ip, handler);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain HTTP server on {@code ip}. */
    public AutodiscoverLab http(String ip, HttpHandler handler) {
        try {
            start(HttpServer.create(new InetSocketAddress(ip, httpPort), 16), ip, handler);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void start(HttpServer server, String ip, HttpHandler handler) {
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readNBytes(64 * 1024), StandardCharsets.UTF_8);
            received.add(new Received(ip, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            handler.handle(exchange);
        });
        server.start();
        servers.add(server);
    }

    /** The requests that carried an Authorization header, by server address. */
    public List<Received> withCredentials(String ip) {
        return received.stream().filter(r -> r.server().equals(ip) && r.authorization() != null).toList();
    }

    public static String basic(String mailbox, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((mailbox + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // --- what the servers answer

    public static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** An Exchange autodiscover: 401 (Basic, NTLM, Negotiate) without the right password, else the settings. */
    public static HttpHandler exchange(String mailbox, String password, String ewsUrl) {
        return ex -> {
            if (!basic(mailbox, password).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized("Basic realm=\"ex\"", "NTLM", "Negotiate").handle(ex);
                return;
            }
            answer(ex, 200, "text/xml; charset=utf-8", settings(ewsUrl));
        };
    }

    /** An EWS: 200 with the right password, else 401. */
    public static HttpHandler ews(String mailbox, String password) {
        return ex -> {
            if (!basic(mailbox, password).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                unauthorized("Basic realm=\"ex\"", "NTLM").handle(ex);
                return;
            }
            answer(ex, 200, "text/html", "<html>EWS</html>");
        };
    }

    /** Both on one server: /EWS/ is the EWS, the rest the autodiscover. */
    public static HttpHandler exchangeServer(String mailbox, String password, String ewsUrl) {
        HttpHandler autodiscover = exchange(mailbox, password, ewsUrl);
        HttpHandler ews = ews(mailbox, password);
        return ex -> (ex.getRequestURI().getPath().startsWith("/EWS/") ? ews : autodiscover).handle(ex);
    }

    public static HttpHandler unauthorized(String... challenges) {
        return ex -> {
            for (String c : challenges) {
                ex.getResponseHeaders().add("WWW-Authenticate", c);
            }
            answer(ex, 401, "text/html", "<html>401</html>");
        };
    }

    public static HttpHandler website() {
        return ex -> answer(ex, 404, "text/html", "<html><body>Not found on our nice website</body></html>");
    }

    public static HttpHandler redirect(int status, String location) {
        return ex -> {
            ex.getResponseHeaders().add("Location", location);
            answer(ex, status, null, "");
        };
    }

    public static HttpHandler status(int status) {
        return ex -> answer(ex, status, "text/html", "<html>" + status + "</html>");
    }

    public static HttpHandler xmlError(int code) {
        return ex -> answer(ex, 200, "text/xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">"
                + "<Response><Error Time=\"10:15:00\" Id=\"1\"><ErrorCode>" + code + "</ErrorCode><Message>Invalid Request</Message>"
                + "<DebugData/></Error></Response></Autodiscover>");
    }

    public static String settings(String ewsUrl) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006\">"
                + "<Response xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a\">"
                + "<User><DisplayName>Jane</DisplayName></User><Account><AccountType>email</AccountType><Action>settings</Action>"
                + "<Protocol><Type>EXCH</Type><Server>ex.mail.ovh.net</Server><EwsUrl>" + ewsUrl + "</EwsUrl></Protocol>"
                + "<Protocol><Type>EXPR</Type><Server>ex.mail.ovh.net</Server><EwsUrl>" + ewsUrl + "</EwsUrl></Protocol>"
                + "</Account></Response></Autodiscover>";
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
    }
}
