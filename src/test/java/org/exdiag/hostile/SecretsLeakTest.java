package org.exdiag.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.icegreen.greenmail.util.GreenMail;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.cli.Cli;
import org.exdiag.http.ApiServer;
import org.exdiag.http.RuleBaseHolder;
import org.exdiag.http.ServerSettings;
import org.exdiag.probe.MailLab;
import org.exdiag.probe.TestDnsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diagnostics with a distinctive password, right and wrong, through the command line and the HTTP
 * endpoint, with every log line captured down to DEBUG: the password appears nowhere (logs, facts
 * files, reports, responses, metrics, exception messages).
 */
@Timeout(120)
class SecretsLeakTest {
    private static final String PASSWORD = "Zq7-Distinctive-Secret-41kx";
    private static final String WRONG = "Wr0ng-Distinctive-Secret-88pv";

    @TempDir
    Path tmp;

    @Test
    void theDiagnosticPasswordIsNowhere() throws Exception {
        CapturedLogs logs = new CapturedLogs(org.slf4j.Logger.ROOT_LOGGER_NAME, Level.DEBUG);
        List<String> outputs = new ArrayList<>();
        MailLab servers = new MailLab(PASSWORD);
        GreenMail mail = servers.mail;
        try (TestDnsServer dns = servers.dns) {
            List<String> labOptions = new ArrayList<>(servers.commandLine());
            labOptions.add("--receive-timeout");
            labOptions.add("5");
            String[] lab = labOptions.toArray(String[]::new);
            for (String password : List.of(PASSWORD, WRONG)) {
                for (String format : List.of("text", "json", "markdown", "yaml")) {
                    Path facts = tmp.resolve("facts-" + format + "-" + outputs.size() + ".yaml");
                    outputs.add(cli(password, concat(new String[] {"diagnose", "jane@example.com", "--password-stdin",
                            "--format", format, "--save-facts", facts.toString()}, lab)));
                    outputs.add(Files.readString(facts));
                }
            }
            // The same through HTTP, plus what the service shows afterwards.
            try (ApiServer server = new ApiServer(new ServerSettings("127.0.0.1", 0, "tok", 1 << 20, 1 << 20, Duration.ofSeconds(30),
                    8192, 2, List.of("127.0.0.1"), true),
                    new RuleBaseHolder(new RuleBaseHolder.Source(Path.of("rules"), "rules", Path.of("knowledge-base"), "kb"))).start()) {
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.port();
                for (String password : List.of(PASSWORD, WRONG)) {
                    String body = "{\"mailbox\":\"jane@example.com\",\"password\":\"" + password + "\",\"receiveTimeout\":5,"
                            + "\"lab\":{\"dns\":\"" + dns.address() + "\",\"smtp\":\"127.0.0.1:" + mail.getSmtp().getPort()
                            + "\",\"smtpTls\":\"none\",\"imap\":\"127.0.0.1:" + mail.getImap().getPort()
                            + "\",\"imapTls\":\"none\",\"mxPort\":" + mail.getSmtp().getPort() + ",\"webmailUrl\":\"none\"}}";
                    outputs.add(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/diagnose"))
                            .header("Authorization", "Bearer tok").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                    // A malformed request carrying the password must not echo it back either.
                    outputs.add(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/diagnose"))
                            .header("Authorization", "Bearer tok").POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"mailbox\":\"jane@example.com\",\"password\":\"" + password + "\",\"bogus\":1}")).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                }
                for (String route : List.of("/metrics", "/health", "/api/v1/rules")) {
                    outputs.add(http.send(HttpRequest.newBuilder(URI.create(base + route)).build(),
                            HttpResponse.BodyHandlers.ofString()).body());
                }
            }
        } finally {
            servers.close();
            logs.close();
        }
        assertThat(outputs).hasSize(16 + 7);
        assertThat(String.join("\n", outputs)).contains("AUTH_FAILED").contains("jane@example.com");
        for (String output : outputs) {
            assertThat(output).doesNotContain(PASSWORD).doesNotContain(WRONG);
        }
        List<ILoggingEvent> events = logs.events();
        assertThat(events).isNotEmpty();
        for (ILoggingEvent event : events) {
            if (event.getLoggerName().startsWith("com.icegreen")) {
                continue; // GreenMail plays the provider's server: it must see the password, and logs it
            }
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(line).doesNotContain(PASSWORD).doesNotContain(WRONG);
        }
    }

    private static String cli(String password, String[] args) {
        Cli r = Cli.runWithInput(password + "\n", args);
        return "exit " + r.exitCode() + "\n" + r.out() + "\n" + r.err();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
