package org.exdiag.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.exdiag.facts.AuthCheck;
import org.exdiag.facts.AuthResult;
import java.util.concurrent.CompletableFuture;
import org.exdiag.facts.FactsBuilder;

/**
 * The webmail authentication check: HTTPS basic authentication against the Exchange web services URL.
 * 2xx: ok; 401: rejected; 423 or 456 (used by Exchange front ends for a locked account): locked.
 */
public final class WebmailProbe extends LoginProbe {
    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public WebmailProbe(URI url, Duration timeout) {
        super("webmail login", "auth.webmail");
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    protected CompletableFuture<AuthCheck> start(ProbeRun run) {
        return CompletableFuture.supplyAsync(() -> check(run.mailbox(), run.password()), run.pool());
    }

    @Override
    protected void fill(FactsBuilder facts, AuthCheck seen, ProbeRun run) {
        facts.webmail = seen;
    }

    public AuthCheck check(String mailbox, Secret password) {
        String credentials = Base64.getEncoder().encodeToString((mailbox + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).GET()
                .header("Authorization", "Basic " + credentials)
                .header("User-Agent", "exdiag").build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            String detail = "HTTP " + status;
            if (status >= 200 && status < 300) {
                return new AuthCheck(AuthResult.OK, detail);
            }
            if (status == 401) {
                return new AuthCheck(AuthResult.REJECTED, detail);
            }
            if (status == 423 || status == 456) {
                return new AuthCheck(AuthResult.LOCKED, detail);
            }
            return new AuthCheck(AuthResult.ERROR, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new AuthCheck(AuthResult.ERROR, "interrupted");
        } catch (java.io.IOException | RuntimeException e) {
            return new AuthCheck(AuthResult.ERROR, Failures.describe(e));
        }
    }
}
