package org.exdiag.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.exdiag.Expertise;
import org.exdiag.facts.FactsDocument;
import org.exdiag.probe.AccountSource;
import org.exdiag.probe.AddressPolicy;
import org.exdiag.probe.Diagnostic;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.ProgressListener;
import org.exdiag.probe.Secret;

/**
 * {@code POST /api/v1/diagnose}: a live diagnostic, behind the token, a few at a time, towards allowed
 * hosts only ({@link HostPolicy}). The password is wiped once the probes are done.
 */
final class DiagnoseRoute {
    private final ServerSettings settings;
    private final RuleBaseHolder rules;
    private final TokenCheck token;
    private final AnalyzeRoutes analysis;
    private final AccountSource accountSource;
    private final Semaphore running;
    private final HostPolicy hosts;
    private final ObjectMapper requestMapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    DiagnoseRoute(ServerSettings settings, RuleBaseHolder rules, TokenCheck token, AnalyzeRoutes analysis,
                  AccountSource accountSource) {
        this.settings = settings;
        this.rules = rules;
        this.token = token;
        this.analysis = analysis;
        this.accountSource = accountSource;
        this.running = new Semaphore(settings.diagnoseConcurrency());
        this.hosts = new HostPolicy(settings.diagnoseAllow(), settings.diagnoseLab());
    }

    void handle(Context ctx) throws Exception {
        token.require(ctx.header("Authorization"));
        byte[] body = Answers.boundedBody(ctx, 64 * 1024);
        DiagnoseRequest request;
        try {
            request = requestMapper.readValue(body, DiagnoseRequest.class);
        } catch (IOException e) {
            throw new ApiError(400, "bad diagnose request: " + Answers.firstLine(e.getMessage()), null);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
        try (Secret secret = new Secret(request.password() == null ? new char[0] : request.password())) {
            if (request.mailbox() == null || !request.mailbox().contains("@")) {
                throw new ApiError(400, "mailbox: an email address is required", "mailbox");
            }
            if (secret.isEmpty()) {
                throw new ApiError(400, "password: required", "password");
            }
            if (request.lab() != null && !settings.diagnoseLab()) {
                throw new ApiError(403, "lab options are not enabled on this server", "lab");
            }
            Expertise expertise = rules.current();
            DiagnosticSettings probes;
            try {
                probes = request.options().settings(settings.diagnoseLab() ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY,
                        expertise.rules().expectedValues()).withDkimSelectors(request.selectors());
                probes = probes.withClient(request.clientOptions().settings(probes, expertise.rules().expectedValues(),
                        settings.diagnoseLab()));
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, e.getMessage(), null);
            }
            hosts.check(probes, expertise.rules().expectedValues());
            if (!running.tryAcquire()) {
                throw new ApiError(429, "too many live diagnostics at once; try again shortly");
            }
            FactsDocument facts;
            try {
                facts = new Diagnostic(probes, accountSource, ProgressListener.NONE, Clock.systemUTC()).run(request.mailbox(), secret);
            } catch (ProbeException e) {
                throw new ApiError(400, e.getMessage());
            } finally {
                running.release();
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("report", analysis.report(expertise, facts, Answers.language(ctx)));
            answer.put("facts", facts);
            Answers.json(ctx, 200, answer);
        }
    }
}
