package org.exdiag.http;

import org.exdiag.probe.client.AutodiscoverLab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exdiag.probe.MailLab;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** POST /api/v1/diagnose against GreenMail and the test DNS server, on a server started in lab mode. */
@Timeout(60)
class DiagnoseRouteTest {
    private static final String PASSWORD = "Route-Secret-93b1";
    private final HttpClient http = HttpClient.newHttpClient();
    @AutoClose
    private final MailLab lab = new MailLab(PASSWORD);

    private String body(String password) {
        return "{\"mailbox\":\"jane@example.com\",\"password\":\"" + password + "\",\"setup\":\"exchange-only\","
                + "\"receiveTimeout\":10,\"client\":\"none\",\"lab\":{\"dns\":\"" + lab.dns.address() + "\",\"smtp\":\"127.0.0.1:" + lab.smtpPort()
                + "\",\"smtpTls\":\"none\",\"imap\":\"127.0.0.1:" + lab.imapPort() + "\",\"imapTls\":\"none\","
                + "\"mxPort\":" + lab.smtpPort() + ",\"webmailUrl\":\"none\"}}";
    }

    private HttpResponse<String> diagnose(ApiServer server, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/diagnose"))
                .header("Authorization", "Bearer " + ApiServerTest.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ApiServer server(int concurrency) throws Exception {
        return ApiServerTest.start(new ServerSettings("127.0.0.1", 0, ApiServerTest.TOKEN, 1 << 20, 1 << 20,
                Duration.ofSeconds(30), 8192, concurrency, List.of("127.0.0.1"), true), Path.of("rules"), Path.of("knowledge-base"));
    }

    @Test
    void liveDiagnosticReturnsTheReportAndFactsWithoutThePassword() throws Exception {
        try (ApiServer server = server(2)) {
            HttpResponse<String> ok = diagnose(server, body(PASSWORD));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(ok.body());
            assertThat(answer.get("report").get("verdict").asText()).isEqualTo("healthy");
            assertThat(answer.get("facts").get("testEmail").get("received").asBoolean()).isTrue();
            assertThat(ok.body()).doesNotContain(PASSWORD);

            HttpResponse<String> wrong = diagnose(server, body("wrong-" + PASSWORD));
            assertThat(wrong.body()).contains("AUTH_FAILED").doesNotContain(PASSWORD);
            String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).doesNotContain(PASSWORD).contains("route=\"/api/v1/diagnose\"");
        }
    }

    /** The client probe over HTTP, with the lab's autodiscover port and CA: the password reaches the provider's server only. */
    @Test
    void theClientProbeRunsWithTheLabsPortAndTrustedCertificates() throws Exception {
        try (AutodiscoverLab outlook = new AutodiscoverLab();
             ApiServer server = server(1)) {
            lab.dns.a("ex.mail.ovh.net", "127.0.0.4").a("example.com", "127.0.0.2");
            outlook.https("127.0.0.2", outlook.certs.valid("example.com"), AutodiscoverLab.website());
            outlook.https("127.0.0.4", outlook.certs.valid("ex.mail.ovh.net"), AutodiscoverLab.exchangeServer(
                    "jane@example.com", PASSWORD, "https://ex.mail.ovh.net:" + outlook.httpsPort + "/EWS/Exchange.asmx"));
            String body = body(PASSWORD).replace("\"client\":\"none\",", "\"client\":\"auto\",")
                    .replace("\"webmailUrl\":\"none\"}", "\"webmailUrl\":\"none\",\"autodiscoverPort\":" + outlook.httpsPort
                            + ",\"autodiscoverHttpPort\":" + outlook.httpPort + ",\"trust\":"
                            + new ObjectMapper().writeValueAsString(outlook.certs.rootPem()) + "}");
            HttpResponse<String> r = diagnose(server, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(r.body());
            assertThat(answer.get("report").get("rootCauses").toString()).isEqualTo("[\"AUTODISCOVER_INTERCEPTED\"]");
            assertThat(answer.get("facts").get("client").get("autodiscover").get("result").get("method").asText()).isEqualTo("srv");
            assertThat(answer.get("facts").get("client").get("ews").get("login").asText()).isEqualTo("ok");
            assertThat(outlook.withCredentials("127.0.0.2")).isEmpty();
            assertThat(outlook.withCredentials("127.0.0.4")).isNotEmpty();
            assertThat(r.body()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aBadTrustPemIsABadRequest() throws Exception {
        try (ApiServer server = server(1)) {
            String body = body(PASSWORD).replace("\"client\":\"none\",", "").replace("\"webmailUrl\":\"none\"}",
                    "\"webmailUrl\":\"none\",\"trust\":\"not a certificate\"}");
            HttpResponse<String> r = diagnose(server, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("lab.trust");
        }
    }

    @Test
    void liveDiagnosticsReadTheOvhApiWhenTheServerHasKeys() throws Exception {
        try (org.exdiag.probe.ovh.FakeOvhApi api = new org.exdiag.probe.ovh.FakeOvhApi()) {
            var keys = new org.exdiag.probe.ovh.OvhCredentials(org.exdiag.probe.ovh.FakeOvhApi.AK,
                    org.exdiag.probe.ovh.FakeOvhApi.AS.toCharArray(), org.exdiag.probe.ovh.FakeOvhApi.CK);
            var source = new org.exdiag.probe.ovh.OvhAccountSource(new org.exdiag.probe.ovh.OvhApi(api.base(), keys,
                    Duration.ofSeconds(5), java.time.Clock.systemUTC()), org.exdiag.probe.ovh.OvhAccountSource.Diagnosis.REUSE,
                    Duration.ofSeconds(5), java.time.Clock.systemUTC());
            try (ApiServer server = new ApiServer(new ServerSettings("127.0.0.1", 0, ApiServerTest.TOKEN, 1 << 20, 1 << 20,
                    Duration.ofSeconds(30), 8192, 2, List.of("127.0.0.1"), true),
                    new RuleBaseHolder(new RuleBaseHolder.Source(Path.of("rules"), "rules", Path.of("knowledge-base"), "kb")),
                    source).start()) {
                HttpResponse<String> r = diagnose(server, body(PASSWORD));
                assertThat(r.statusCode()).isEqualTo(200);
                JsonNode answer = new ObjectMapper().readTree(r.body());
                assertThat(answer.get("report").get("rootCauses").get(0).asText()).isEqualTo("SPAM_BLOCKED");
                assertThat(answer.get("facts").get("provider").get("isSpammer").asBoolean()).isTrue();
                // the DKIM selectors the API lists, looked up in the lab's DNS: published as the provider says
                assertThat(answer.get("facts").get("dns").get("dkim")).hasSize(2);
                assertThat(answer.get("report").get("warnings").toString()).doesNotContain("DKIM_");
                assertThat(r.body()).doesNotContain(org.exdiag.probe.ovh.FakeOvhApi.AS).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void aSendingAddressInTheRequestIsCheckedAndABadOneIs400() throws Exception {
        lab.dns.ptr("203.0.113.7", "mail.example.com").a("mail.example.com", "203.0.113.7")
                .a("7.113.0.203.zen.spamhaus.org", "127.255.255.254");
        try (ApiServer server = server(2)) {
            HttpResponse<String> ok = diagnose(server, body(PASSWORD).replaceFirst("^\\{", "{\"sendingIp\":[\"203.0.113.7\"],"));
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode answer = new ObjectMapper().readTree(ok.body());
            assertThat(answer.get("facts").get("sendingIp").get(0).get("forwardConfirmed").asBoolean()).isTrue();
            // Spamhaus refusing a public resolver's query: could not check, never a listing
            assertThat(answer.get("report").get("warnings").toString()).contains("DNS_LOOKUP_FAILED").doesNotContain("SENDER_IP_LISTED");

            HttpResponse<String> bad = diagnose(server, body(PASSWORD).replaceFirst("^\\{", "{\"sendingIp\":[\"mail.example.com\"],"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("not an IP address: mail.example.com").doesNotContain(PASSWORD);
        }
    }

    @Test
    void diagnosticsBeyondTheLimitAre429() throws Exception {
        try (ApiServer server = server(0)) {
            HttpResponse<String> r = diagnose(server, body(PASSWORD));
            assertThat(r.statusCode()).isEqualTo(429);
        }
    }

    @Test
    void mxAddressesInPrivateRangesAreRefusedOutsideLabMode() throws Exception {
        // Through a public-only policy, DNS cannot send the inbound test to loopback.
        org.exdiag.probe.InboundProbe probe = new org.exdiag.probe.InboundProbe(lab.smtpPort(), Duration.ofSeconds(2),
                "exdiag.test", org.exdiag.probe.AddressPolicy.PUBLIC_ONLY);
        org.exdiag.probe.InboundProbe.Result r = probe.deliver("jane@example.com", "tag-1", List.of(
                new org.exdiag.probe.InboundProbe.Target("mx1.mail.ovh.net", List.of(java.net.InetAddress.getLoopbackAddress()))),
                "test");
        assertThat(r.accepted()).isFalse();
        // not tried: recorded as a connection that could not be made, with no reply
        assertThat(r.attempts()).singleElement().satisfies(a -> {
            assertThat(a.connect()).isEqualTo(org.exdiag.facts.ConnectResult.ERROR);
            assertThat(a.replies()).isEmpty();
        });
        assertThat(lab.mail.getReceivedMessages()).isEmpty();
    }
}
