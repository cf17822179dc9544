package org.exdiag.http;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** `exdiag serve` as its own process: it starts, answers, and reloads on SIGHUP and on --watch. */
@Timeout(120)
@EnabledOnOs(OS.LINUX)
@Tag("slow")
class ServeProcessTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    private String health(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private String ruleNames(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/rules")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static final String EXTRA_RULE = """
            package exdiag;
            import org.exdiag.rules.*;
            import function org.exdiag.rules.Raise.raise;
            rule "%s"
            when
                AuthAttempt( channel == "webmail", result == "error" )
            then
                raise(drools, "SMTP_UNREACHABLE", "probe", "SMTP_CONNECT_FAILED", "host", "webmail", "port", 443, "connect", "error");
            end
            """;

    private Process serve(Path rules, Path kb, String... extra) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin, "-cp",
                System.getProperty("java.class.path"), "org.exdiag.cli.Main", "serve", "--port", "0",
                "--rules", rules.toString(), "--kb", kb.toString()));
        command.addAll(java.util.List.of(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static int portOf(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern serving = Pattern.compile("serving on http://127\\.0\\.0\\.1:(\\d+)/");
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = serving.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server did not start");
    }

    private void awaitRule(int port, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!ruleNames(port).contains(name)) {
            assertThat(System.nanoTime()).as("rule " + name + " loaded in time").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void sighupReloadsTheRules() throws Exception {
        Path rules = org.exdiag.TestSupport.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path kb = org.exdiag.TestSupport.copyTree(Path.of("knowledge-base"), tmp.resolve("kb"));
        Process process = serve(rules, kb);
        try {
            int port = portOf(process);
            String before = health(port);
            Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE.formatted("Added by SIGHUP"));
            new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start().waitFor();
            awaitRule(port, "Added by SIGHUP");
            assertThat(health(port)).isNotEqualTo(before);
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void watchReloadsWhenAFileChanges() throws Exception {
        Path rules = org.exdiag.TestSupport.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path kb = org.exdiag.TestSupport.copyTree(Path.of("knowledge-base"), tmp.resolve("kb"));
        Process process = serve(rules, kb, "--watch");
        try {
            int port = portOf(process);
            Files.writeString(rules.resolve("extra.drl"), EXTRA_RULE.formatted("Added while watching"));
            awaitRule(port, "Added while watching");
        } finally {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
