package org.exdiag.hostile;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.exdiag.http.ApiServer;
import org.exdiag.http.RuleBaseHolder;
import org.exdiag.http.ServerSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Slow, oversized and vanishing clients are cut off early; the server keeps answering others. */
@Timeout(60)
@Tag("slow")
class ServiceUnderStressTest {
    private ApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ApiServer(new ServerSettings("127.0.0.1", 0, "t", 1 << 20, 1 << 20, Duration.ofSeconds(1), 8192, 1,
                List.of(), false),
                new RuleBaseHolder(new RuleBaseHolder.Source(Path.of("rules"), "rules", Path.of("knowledge-base"), "kb"))).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void clientsThatLeaveBeforeTheirAnswerAreNotServerErrors() throws Exception {
        byte[] body = java.nio.file.Files.readAllBytes(Path.of("examples/incident-suspected.json"));
        byte[] request = ("POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        try (CapturedLogs logs = new CapturedLogs(ApiServer.class.getName(), null)) {
            for (int i = 0; i < 300; i++) {
                try (Socket gone = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
                    gone.setSoLinger(true, 0); // close with a reset, as a cancelled browser request does
                    gone.getOutputStream().write(request);
                    if (i % 3 == 1) {
                        Thread.sleep(0, 200_000); // vary when the reset lands: before, during, after the analysis
                    }
                }
            }
            Thread.sleep(300);
            assertThat(logs.events()).filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                    .as("server errors logged for clients that left").isEmpty();
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatStopsSendingIsDroppedAfterTheIdleTimeout() throws Exception {
        try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 5000\r\n\r\n{\"version\":1,").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = slow.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            do {
                n = in.read(buffer); // a 4xx/5xx answer may come first; then the server closes
            } while (n != -1);
            Duration held = Duration.ofNanos(System.nanoTime() - start);
            assertThat(held).isBetween(Duration.ofMillis(500), Duration.ofSeconds(8));
        }
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsAllSent() throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            client.setSoTimeout(10_000);
            OutputStream out = client.getOutputStream();
            // Announces 1 GB and sends only the start: the answer must not wait for the rest.
            out.write(("POST /api/v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1073741824\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(client.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).isEqualTo("HTTP/1.1 413");
        }
    }
}
