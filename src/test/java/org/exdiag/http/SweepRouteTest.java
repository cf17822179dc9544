package org.exdiag.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.probe.TestDnsServer;
import org.exdiag.sweep.SweepLab;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** POST /api/v1/sweep: behind the token, streamed JSON lines in input order, options in the query, lab DNS only in lab mode. */
@Timeout(60)
class SweepRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    @AutoClose
    private final TestDnsServer dns = SweepLab.serve(new TestDnsServer(), 30);

    SweepRouteTest() throws Exception {
    }

    private ApiServer server(boolean lab) throws Exception {
        return ApiServerTest.start(new ServerSettings("127.0.0.1", 0, ApiServerTest.TOKEN, 1 << 20, 1 << 20,
                Duration.ofSeconds(30), 8192, 1, List.of(), lab), Path.of("rules"), Path.of("knowledge-base"));
    }

    private HttpResponse<String> sweep(ApiServer server, String token, String query, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/sweep?" + query))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDomainsOfTheBodyComeBackAsJsonLinesInInputOrder() throws Exception {
        try (ApiServer server = server(true)) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                body.append(SweepLab.domain(i)).append('\n');
            }
            body.append("not a domain!\n");
            HttpResponse<String> r = sweep(server, ApiServerTest.TOKEN, "dns=" + dns.address() + "&timeout=0.3&retries=0&rate=20000&lang=fr",
                    body.toString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
            List<JsonNode> lines = new ArrayList<>();
            for (String line : r.body().split("\n")) {
                lines.add(JSON.readTree(line));
            }
            assertThat(lines).hasSize(31);
            for (int i = 0; i < 30; i++) {
                assertThat(lines.get(i).get("domain").asText()).isEqualTo(SweepLab.domain(i));
                String expected = SweepLab.breakage(i).rootCause;
                if (expected != null) {
                    assertThat(lines.get(i).get("report").get("rootCauses").get(0).asText()).isEqualTo(expected);
                }
            }
            assertThat(lines.get(17).get("report").get("verdict").asText()).as("d17 is silent").isEqualTo("incomplete");
            assertThat(lines.get(3).get("report").get("language").asText()).isEqualTo("fr");
            assertThat(lines.get(30).get("source").asText()).isEqualTo("request:31");
            assertThat(lines.get(30).get("error").get("message").asText()).contains("not a domain name");
        }
    }

    @Test
    void theTokenIsRequiredAndBadOptionsAreRefusedBeforeAnyLookup() throws Exception {
        try (ApiServer server = server(false)) {
            assertThat(sweep(server, null, "", "d0.sweep.test\n").statusCode()).isEqualTo(401);
            assertThat(sweep(server, "wrong", "", "d0.sweep.test\n").statusCode()).isEqualTo(403);
            HttpResponse<String> lab = sweep(server, ApiServerTest.TOKEN, "dns=" + dns.address(), "d0.sweep.test\n");
            assertThat(lab.statusCode()).isEqualTo(403);
            assertThat(lab.body()).contains("lab options are not enabled");
            assertThat(sweep(server, ApiServerTest.TOKEN, "rate=0", "d0.sweep.test\n").body()).contains("rate: 1 to 1000000");
            assertThat(sweep(server, ApiServerTest.TOKEN, "setup=sometimes", "d0.sweep.test\n").statusCode()).isEqualTo(400);
            assertThat(sweep(server, ApiServerTest.TOKEN, "concurrency=many", "d0.sweep.test\n").body()).contains("concurrency: not a number");
            // the same words as exdiag sweep and the Spark job (one SweepOptions for the three)
            HttpResponse<String> privateOffer = sweep(server, ApiServerTest.TOKEN, "offer=private", "d0.sweep.test\n");
            assertThat(privateOffer.statusCode()).isEqualTo(400);
            assertThat(privateOffer.body()).contains("offer private: each line names its own private host");
            for (String timeout : List.of("0", "-1", "NaN", "Infinity", "61")) {
                HttpResponse<String> r = sweep(server, ApiServerTest.TOKEN, "timeout=" + timeout, "d0.sweep.test\n");
                assertThat(r.statusCode()).as(timeout).isEqualTo(400);
                assertThat(r.body()).as(timeout).contains("timeout: 0.01 to 60 seconds");
            }
            assertThat(dns.queries("d0.sweep.test")).isZero();
        }
    }

    @Test
    void aSweepBeyondTheServersConcurrencyIsRefusedWith429() throws Exception {
        try (ApiServer server = server(true)) {
            // d17's server is silent: with a 3 s timeout the first sweep holds its place while the second is asked.
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return sweep(server, ApiServerTest.TOKEN, "dns=" + dns.address() + "&timeout=3&retries=0", "d17.sweep.test\n");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (dns.queries("d17.sweep.test") == 0) {
                Thread.sleep(10);
            }
            HttpResponse<String> second = sweep(server, ApiServerTest.TOKEN, "dns=" + dns.address(), "d0.sweep.test\n");
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(second.body()).contains("too many sweeps at once");
            assertThat(first.get().statusCode()).isEqualTo(200);
            assertThat(first.get().body()).contains("\"verdict\":\"incomplete\"");
        }
    }
}
