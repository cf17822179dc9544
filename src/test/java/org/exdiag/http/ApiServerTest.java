package org.exdiag.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.exdiag.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP requests against a server on a random loopback port. */
@Timeout(120)
class ApiServerTest {
    static final String TOKEN = "test-token-5f2c";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @TempDir
    Path tmp;

    private Path rules;
    private ApiServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() throws Exception {
        rules = TestSupport.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path kb = TestSupport.copyTree(Path.of("knowledge-base"), tmp.resolve("kb"));
        server = start(new ServerSettings("127.0.0.1", 0, TOKEN, 1 << 20, 1 << 20, Duration.ofSeconds(5), 8192, 2,
                List.of(), false), rules, kb);
    }

    static ApiServer start(ServerSettings settings, Path rules, Path kb) throws Exception {
        return new ApiServer(settings, new RuleBaseHolder(new RuleBaseHolder.Source(rules, "rules", kb, "kb"))).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** The error a refused request is answered with, once its status is checked. */
    private static JsonNode error(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).isEqualTo(status);
        return json(r).get("error");
    }

    @Test
    void analyzesJsonAndYaml() throws Exception {
        HttpResponse<String> yaml = post("/api/v1/analyze", "application/yaml",
                Files.readString(Path.of("examples/mx-pointing-elsewhere.yaml")), null);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(json(yaml).get("rootCauses").get(0).asText()).isEqualTo("MX_INVALID");
        HttpResponse<String> js = post("/api/v1/analyze?lang=fr", "application/json",
                Files.readString(Path.of("examples/subscription-expired.json")), null);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(json(js).get("warnings").get(0).get("title").asText()).isEqualTo("L'abonnement a expiré");
    }

    @Test
    void badFactsAre400WithTheField() throws Exception {
        HttpResponse<String> r = post("/api/v1/analyze", "application/json",
                "{\"version\":1,\"mailbox\":\"a@b.c\",\"dns\":{\"mx\":{\"status\":\"exploded\"}}}", null);
        assertThat(error(r, 400).get("field").asText()).isEqualTo("dns.mx.status");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(post("/api/v1/analyze?lang=de", "application/json", "{}", null).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/analyze", "application/json", "", null).statusCode()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAre413BeforeTheBodyIsSent() throws Exception {
        // A raw request that declares 2 MiB and sends one byte of it: the server answers on the declared
        // length alone, without waiting for (or buffering) the body. (A client sending the whole body
        // races the server's close of a connection it will not read further: a reset could come before
        // the 413 was read, and this test failed once that way with Java's HTTP client.)
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (2 << 20) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 413");
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            assertThat(body).contains("\"message\"").contains("too large");
        }
    }

    @Test
    void batchStreamsJsonLinesInOrderWithOneErrorForABadLine() throws Exception {
        String body = Files.readAllLines(Path.of("examples/captured/day-2026-11-26.jsonl")).get(0) + "\n{not json}\n"
                + Files.readAllLines(Path.of("examples/captured/day-2026-11-26.jsonl")).get(1) + "\n";
        HttpResponse<String> r = post("/api/v1/analyze/batch", "application/x-ndjson", body, null);
        assertThat(r.statusCode()).isEqualTo(200);
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("source").asText()).isEqualTo("request:1");
        assertThat(JSON.readTree(lines.get(1)).get("error").get("message").asText()).contains("syntax error");
        assertThat(JSON.readTree(lines.get(2)).get("report").get("rootCauses").get(0).asText()).isEqualTo("MX_INVALID");
    }

    @Test
    void rulesAndKnowledge() throws Exception {
        JsonNode rulesList = json(get("/api/v1/rules"));
        assertThat(rulesList.get("rules").size()).isGreaterThan(40);
        assertThat(rulesList.get("codes").toString()).contains("MX_INVALID");
        HttpResponse<String> k = get("/api/v1/knowledge/mx_invalid");
        assertThat(k.statusCode()).isEqualTo(200);
        assertThat(json(k).get("fr").get("title").asText()).contains("MX");
        // Exactly one JSON error each: a route's own 404 must not get the "no such route" body as well.
        HttpResponse<String> unknownCode = get("/api/v1/knowledge/NOPE");
        assertThat(error(unknownCode, 404).get("message").asText()).isEqualTo("no knowledge-base entry for NOPE");
        HttpResponse<String> unknownRoute = get("/no/such/route");
        assertThat(error(unknownRoute, 404).get("message").asText()).contains("not found");
    }

    @Test
    void operationsRoutes() throws Exception {
        post("/api/v1/analyze", "application/yaml", Files.readString(Path.of("examples/spam-blocked.yaml")), null);
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("ok");
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("exdiag_http_requests_total{method=\"POST\",route=\"/api/v1/analyze\",status=\"200\"} 1")
                .contains("exdiag_root_causes_total{code=\"SPAM_BLOCKED\"} 1")
                .contains("exdiag_rule_base_info{version=")
                .contains("exdiag_http_request_duration_seconds_bucket");
        JsonNode openapi = json(get("/openapi.json"));
        for (String route : List.of("/api/v1/analyze", "/api/v1/analyze/batch", "/api/v1/bounce", "/api/v1/diagnose", "/api/v1/rules",
                "/api/v1/knowledge/{code}", "/api/v1/rules/reload", "/health", "/metrics", "/openapi.json", "/", "/api/v1/sweep")) {
            assertThat(openapi.get("paths").has(route)).as(route).isTrue();
        }
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<svg id=\"graph\"");
    }

    @Test
    void oversizedHeadersAreRefused() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/health")).header("X-Big", "z".repeat(20_000)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(431);
    }

    @Test
    void guardedRoutesNeedTheToken() throws Exception {
        assertThat(post("/api/v1/rules/reload", null, "", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/rules/reload", null, "", "wrong").statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/rules/reload", null, "", TOKEN).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/diagnose", "application/json", "{}", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/v1/diagnose", "application/json", "{}", "wrong").statusCode()).isEqualTo(403);
    }

    /** A server without a token has its guarded routes closed: it never says "wrong token" to a client that sends one. */
    @Test
    void aServerWithoutATokenSaysTheRouteIsClosed() throws Exception {
        try (ApiServer closed = start(new ServerSettings("127.0.0.1", 0, null, 1 << 20, 1 << 20, Duration.ofSeconds(5), 8192, 2,
                List.of(), false), rules, Path.of("knowledge-base"))) {
            for (String token : new String[] {null, "anything"}) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed.port() + "/api/v1/rules/reload"))
                        .POST(HttpRequest.BodyPublishers.noBody());
                if (token != null) {
                    b.header("Authorization", "Bearer " + token);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(error(r, 401).get("message").asText()).contains("disabled").doesNotContain("wrong");
            }
        }
    }

    @Test
    void aPastedBounceIsExplained() throws Exception {
        String ndr = java.nio.file.Files.readString(Path.of("src/test/resources/ndr/gmail-dsn.eml"));
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(java.util.Map.of("ndr", ndr));
        HttpResponse<String> r = post("/api/v1/bounce?lang=fr", "application/json", body, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var answer = json(r);
        assertThat(answer.get("report").get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
        assertThat(answer.get("report").get("mailbox").asText()).isEqualTo("jane@example.com"); // the NDR was sent to her
        assertThat(answer.get("facts").get("bounces").get(0).get("recipient").asText()).isEqualTo("someone@gmail.com");
        assertThat(post("/api/v1/bounce", "application/json", "{\"ndr\":\"\"}", null).statusCode()).isEqualTo(400);
        HttpResponse<String> noMailbox = post("/api/v1/bounce", "application/json", "{\"ndr\":\"550 5.1.1 User unknown\"}", null);
        assertThat(noMailbox.statusCode()).as(noMailbox.body()).isEqualTo(200);
        assertThat(json(noMailbox).get("report").get("mailbox").isNull()).isTrue(); // never a guess
        assertThat(json(noMailbox).get("report").get("rootCauses").get(0).asText()).isEqualTo("RECIPIENT_UNKNOWN");
        HttpResponse<String> badMailbox = post("/api/v1/bounce", "application/json", "{\"ndr\":\"550 x\",\"mailbox\":\"postmaster\"}", null);
        assertThat(error(badMailbox, 400).get("field").asText()).isEqualTo("mailbox");
    }

    @Test
    void aMailboxOfBouncesIsAnsweredOneJsonLinePerMessageInOrder() throws Exception {
        String mbox = "From MAILER-DAEMON Thu Nov 26 10:00:00 2026\n"
                + java.nio.file.Files.readString(Path.of("src/test/resources/ndr/exim-bounce.eml")).replace("\r\n", "\n")
                + "\nFrom jane@example.com Thu Nov 26 10:01:00 2026\n"
                + "From: Jane <jane@example.com>\nTo: bob@example.net\nSubject: Out of office\nAuto-Submitted: auto-replied\n\nI am away.\n"
                + "\nFrom MAILER-DAEMON Thu Nov 26 10:02:00 2026\n"
                + java.nio.file.Files.readString(Path.of("src/test/resources/ndr/gmail-dsn.eml")).replace("\r\n", "\n");
        HttpResponse<String> r = post("/api/v1/bounce", "application/mbox", mbox, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = r.body().lines().toList();
        assertThat(lines).hasSize(3);
        var first = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("source").asText()).isEqualTo("request:1");
        assertThat(first.get("report").get("rootCauses").get(0).asText()).isEqualTo("SENDER_IP_LISTED");
        var second = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("skipped").asText()).isEqualTo("not a bounce");
        var third = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(2));
        assertThat(third.get("report").get("rootCauses").get(0).asText()).isEqualTo("REMOTE_REJECTED_UNAUTHENTICATED");
    }

    @Test
    void whyAndWhyNotAreAnsweredForAFactsBody() throws Exception {
        String healthy = java.nio.file.Files.readString(Path.of("examples/healthy-hosted.yaml"));
        HttpResponse<String> r = post("/api/v1/explain?code=MX_INVALID&mode=why-not", "application/yaml", healthy, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var answer = json(r);
        assertThat(answer.get("code").asText()).isEqualTo("MX_INVALID");
        assertThat(answer.get("fired").asBoolean()).isFalse();
        assertThat(answer.get("rules").size()).isGreaterThanOrEqualTo(3);
        var first = answer.get("rules").get(0);
        assertThat(first.get("file").asText()).isEqualTo("rules/dns.drl");
        assertThat(first.get("conditions").get(1).get("held").asBoolean()).isFalse();
        assertThat(first.get("conditions").get(2).get("held").isNull()).isTrue();

        String elsewhere = java.nio.file.Files.readString(Path.of("examples/mx-pointing-elsewhere.yaml"));
        var why = json(post("/api/v1/explain?code=MX_INVALID&mode=why&lang=fr", "application/yaml", elsewhere, null));
        assertThat(why.get("fired").asBoolean()).isTrue();
        assertThat(why.get("rules").get(0).get("rule").asText()).isEqualTo("MX host outside the valid set");
        assertThat(why.get("explains").get(0).get("effect").asText()).isEqualTo("TEST_EMAIL_NOT_RECEIVED");

        HttpResponse<String> unknown = post("/api/v1/explain?code=NO_SUCH_CODE", "application/yaml", healthy, null);
        assertThat(error(unknown, 400).get("field").asText()).isEqualTo("code");
        assertThat(post("/api/v1/explain?code=MX_INVALID&mode=how", "application/yaml", healthy, null).statusCode()).isEqualTo(400);
        assertThat(post("/api/v1/explain?code=MX_INVALID", "application/yaml", "version: 7\n", null).statusCode()).isEqualTo(400);
    }

    @Test
    void thePageWordsAreServedInEachLanguage() throws Exception {
        HttpResponse<String> fr = http.send(HttpRequest.newBuilder(uri("/api/v1/words?lang=fr")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fr.statusCode()).isEqualTo(200);
        var body = json(fr);
        assertThat(body.get("words").get("analyze").asText()).isEqualTo("Analyser");
        assertThat(body.get("verdicts").get("healthy").asText()).startsWith("sain");
        assertThat(body.get("values").get("severity").get("error").asText()).isEqualTo("erreur");
        assertThat(body.get("colon").asText()).isEqualTo(" : ");
    }

    @Test
    void diagnoseRefusesHostsOutsideTheAllowlistAndLabOptions() throws Exception {
        HttpResponse<String> evil = post("/api/v1/diagnose", "application/json",
                "{\"mailbox\":\"a@example.com\",\"password\":\"x\",\"offer\":\"private\",\"privateHost\":\"intranet.corp\"}", TOKEN);
        assertThat(error(evil, 403).get("message").asText()).contains("intranet.corp");
        HttpResponse<String> lab = post("/api/v1/diagnose", "application/json",
                "{\"mailbox\":\"a@example.com\",\"password\":\"x\",\"lab\":{\"smtp\":\"127.0.0.1:25\"}}", TOKEN);
        assertThat(lab.statusCode()).isEqualTo(403);
        assertThat(post("/api/v1/diagnose", "application/json", "{\"mailbox\":\"a@example.com\"}", TOKEN).statusCode())
                .isEqualTo(400);
    }

    @Test
    void anAllowedNameThatResolvesInsideTheNetworkIsRefused() throws Exception {
        try (ApiServer strict = start(new ServerSettings("127.0.0.1", 0, TOKEN, 1 << 20, 1 << 20, Duration.ofSeconds(5), 8192, 2,
                List.of("localhost", "ex.mail.ovh.net", "ex2.mail.ovh.net"), false), rules, Path.of("knowledge-base"))) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port() + "/api/v1/diagnose"))
                    .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(
                            "{\"mailbox\":\"a@example.com\",\"password\":\"x\",\"offer\":\"private\",\"privateHost\":\"localhost\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(error(r, 403).get("message").asText()).contains("resolves to an internal address");
        }
    }

    @Test
    void aBrokenReloadKeepsTheOldRulesServing() throws Exception {
        String before = json(get("/health")).get("rules").asText();
        Files.writeString(rules.resolve("broken.drl"), "package exdiag;\nrule \"Broken\"\nwhen\n  Nothing(\nthen\nend\n");
        HttpResponse<String> r = post("/api/v1/rules/reload", null, "", TOKEN);
        JsonNode problems = error(r, 422).get("problems");
        assertThat(problems.get(0).get("file").asText()).isEqualTo("rules/broken.drl");
        assertThat(problems.get(0).get("line").asInt()).isPositive();
        assertThat(json(get("/health")).get("rules").asText()).isEqualTo(before);
        HttpResponse<String> still = post("/api/v1/analyze", "application/yaml",
                Files.readString(Path.of("examples/wrong-password.yaml")), null);
        assertThat(still.statusCode()).isEqualTo(200);
        assertThat(json(still).get("rootCauses").get(0).asText()).isEqualTo("AUTH_FAILED");
        assertThat(get("/metrics").body()).contains("exdiag_rule_reloads_total{result=\"refused\"} 1");
    }

    @Test
    void requestsInFlightDuringReloadsAllSucceed() throws Exception {
        String facts = Files.readString(Path.of("examples/mx-pointing-elsewhere.yaml"));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<int[]>> results = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            results.add(clients.submit(() -> {
                int ok = 0;
                int failed = 0;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (running.get() && System.nanoTime() < deadline) {
                    HttpResponse<String> r = post("/api/v1/analyze", "application/yaml", facts, null);
                    if (r.statusCode() == 200 && r.body().contains("MX_INVALID")) {
                        ok++;
                    } else {
                        failed++;
                    }
                }
                return new int[] {ok, failed};
            }));
        }
        Path broken = rules.resolve("broken.drl");
        for (int i = 0; i < 6; i++) {
            if (i % 2 == 1) {
                Files.writeString(broken, "package exdiag;\nrule \"Broken\" when Nothing( then end\n");
            } else {
                Files.deleteIfExists(broken);
            }
            int status = post("/api/v1/rules/reload", null, "", TOKEN).statusCode();
            assertThat(status).isEqualTo(i % 2 == 1 ? 422 : 200);
        }
        running.set(false);
        int ok = 0;
        for (Future<int[]> f : results) {
            int[] r = f.get();
            assertThat(r[1]).as("failed requests").isZero();
            ok += r[0];
        }
        clients.shutdown();
        assertThat(ok).isPositive();
    }
}
