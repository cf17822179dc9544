package org.exdiag.probe.ovh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays the OVH API v1 on loopback for tests: the /email/exchange routes with recorded response shapes,
 * a clock an hour ahead of ours (so that the client must correct its timestamps), signature and
 * timestamp checks on every signed call, and faults on demand (a status with an error code, or slowness).
 */
public final class FakeOvhApi implements AutoCloseable {
    public static final String AK = "test-app-key";
    public static final String AS = "test-app-secret-9f";
    public static final String CK = "test-consumer-key";
    static final long SKEW_SECONDS = 3600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, JsonNode> routes = new ConcurrentHashMap<>();
    private final Map<String, int[]> faults = new ConcurrentHashMap<>();
    private final Map<String, String> faultCodes = new ConcurrentHashMap<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<String> bodies = new CopyOnWriteArrayList<>();
    volatile long slowMillis;

    public FakeOvhApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/1.0/", this::handle);
        server.start();
        // One organization with a hosted service holding jane, and a private one holding nobody we ask for.
        route("/email/exchange", "[\"org-private\",\"org-hosted\"]");
        route("/email/exchange/org-private/service", "[\"private-svc\"]");
        route("/email/exchange/org-hosted/service", "[\"hosted-svc\"]");
        route("/email/exchange/org-private/service/private-svc",
                "{\"domain\":\"private-svc\",\"offer\":\"dedicated\",\"hostname\":\"exchange.other.example\",\"state\":\"ok\"}");
        route("/email/exchange/org-hosted/service/hosted-svc",
                "{\"domain\":\"hosted-svc\",\"offer\":\"hosted\",\"hostname\":\"ex.mail.ovh.net\",\"state\":\"ok\"}");
        route("/email/exchange/org-hosted/service/hosted-svc/account/jane%40example.com",
                "{\"primaryEmailAddress\":\"jane@example.com\",\"state\":\"ok\",\"spamDetected\":true,\"spamTicketNumber\":123,"
                        + "\"expirationDate\":\"2027-03-01T00:00:00+01:00\",\"displayName\":\"Jane\",\"accountLicense\":\"standard\","
                        + "\"currentUsage\":50937500,\"quota\":50}");
        route("/email/exchange/org-hosted/service/hosted-svc/account/jane%40example.com/diagnostics",
                "{\"lastCheck\":\"2026-11-26T09:58:00+00:00\",\"isMxValid\":true,\"isSrvValid\":true,\"isSpammer\":true,"
                        + "\"isSuspended\":false,\"isLocked\":false,\"canSendEmail\":false,\"canReceiveEmail\":true,\"connectiveOWA\":true}");
        // example.com's two DKIM selectors, in the shape of the API's email.exchange.dkim: one signing, one
        // ready for rotation. The targets vary per platform: never hard-coded by exdiag.
        String domain = "/email/exchange/org-hosted/service/hosted-svc/domain/example.com";
        route(domain + "/dkimSelector", "[\"ovhex123456-selector1\",\"ovhex123456-selector2\"]");
        for (String[] s : new String[][] {{"1", "inProduction"}, {"2", "ready"}}) {
            route(domain + "/dkim/ovhex123456-selector" + s[0], "{\"selectorName\":\"ovhex123456-selector" + s[0] + "\","
                    + "\"customerRecord\":\"ovhex123456-selector" + s[0] + "._domainkey.example.com\",\"recordType\":\"CNAME\","
                    + "\"targetRecord\":\"ovhex123456-selector" + s[0] + "._domainkey.1500.ab.dkim.mail.ovh.net\","
                    + "\"cnameIsValid\":true,\"header\":\"from;to;subject;date\",\"status\":\"" + s[1] + "\","
                    + "\"lastUpdate\":\"2026-10-01T10:00:00+02:00\",\"taskPendingId\":0}");
        }
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/1.0";
    }

    void route(String path, String json) {
        try {
            routes.put("/1.0" + path, JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Calls whose path starts with {@code prefix} get {@code status} with {@code errorCode}. */
    public void fail(String prefix, int status, String errorCode) {
        faults.put("/1.0" + prefix, new int[] {status});
        faultCodes.put("/1.0" + prefix, errorCode);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            calls.add(method + " " + path);
            bodies.add(new String(body, StandardCharsets.UTF_8));
            long now = Instant.now().getEpochSecond() + SKEW_SECONDS;
            if (path.equals("/1.0/auth/time")) {
                answer(ex, 200, Long.toString(now));
                return;
            }
            if (slowMillis > 0) {
                Thread.sleep(slowMillis);
            }
            String app = ex.getRequestHeaders().getFirst("X-Ovh-Application");
            String consumer = ex.getRequestHeaders().getFirst("X-Ovh-Consumer");
            String ts = ex.getRequestHeaders().getFirst("X-Ovh-Timestamp");
            String signature = ex.getRequestHeaders().getFirst("X-Ovh-Signature");
            if (!AK.equals(app) || !CK.equals(consumer)) {
                error(ex, 403, "INVALID_CREDENTIAL", "This credential is not valid");
                return;
            }
            if (ts == null || Math.abs(Long.parseLong(ts) - now) > 5) {
                error(ex, 400, "QUERY_TIME_OUT", "Query out of time");
                return;
            }
            String expected = OvhSignature.sign(AS.toCharArray(), CK, method, base().replace("/1.0", "") + path,
                    new String(body, StandardCharsets.UTF_8), Long.parseLong(ts));
            if (!expected.equals(signature)) {
                error(ex, 400, "INVALID_SIGNATURE", "Invalid signature");
                return;
            }
            for (Map.Entry<String, int[]> f : faults.entrySet()) {
                if (path.startsWith(f.getKey())) {
                    error(ex, f.getValue()[0], faultCodes.get(f.getKey()), "fault injected by the test");
                    return;
                }
            }
            if (method.equals("POST") && path.endsWith("/diagnostics")) {
                JsonNode request = JSON.readTree(body);
                if (!request.hasNonNull("password")) {
                    error(ex, 400, "BAD_PARAMETER", "password required");
                    return;
                }
                // The new diagnosis is "done" at once, dated now, and disagrees with the old one on spam.
                ObjectNode fresh = ((ObjectNode) routes.get(path).deepCopy()).put("lastCheck", Instant.now().toString())
                        .put("isSpammer", false).put("canSendEmail", true);
                routes.put(path, fresh);
                answer(ex, 200, "{\"id\":1,\"function\":\"diagnose\",\"status\":\"todo\"}");
                return;
            }
            JsonNode value = routes.get(path);
            if (value == null || !method.equals("GET")) {
                error(ex, 404, "OBJECT_NOT_FOUND", "The requested object does not exist");
                return;
            }
            answer(ex, 200, value.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        answer(ex, status, "{\"errorCode\":\"" + code + "\",\"httpCode\":\"" + status + "\",\"message\":\"" + message + "\"}");
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
