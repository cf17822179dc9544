package org.exdiag.http;

import io.javalin.Javalin;
import java.io.InputStream;
import java.util.Map;
import org.exdiag.probe.AccountSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code exdiag serve}: root-cause reports over HTTP (cli-http-v1), and the web page. Small and flat, as
 * Javalin means it: this class says which route does what; each concern is a class of its own (analysis
 * routes, the live diagnostic and its host policy, the rules routes, Jetty's set-up, reading and
 * answering). Errors are JSON without stack traces; the access log has method, route, status and time only.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final RuleBaseHolder rules;
    private final Metrics metrics = new Metrics();
    private final Javalin app;

    public ApiServer(ServerSettings settings, RuleBaseHolder rules) {
        this(settings, rules, null);
    }

    /** {@code accountSource}: where live diagnostics read account flags and the provider's diagnosis (null: nowhere). */
    public ApiServer(ServerSettings settings, RuleBaseHolder rules, AccountSource accountSource) {
        this.rules = rules;
        TokenCheck token = new TokenCheck(settings.token());
        AnalyzeRoutes analyze = new AnalyzeRoutes(settings, rules, metrics);
        DiagnoseRoute diagnose = new DiagnoseRoute(settings, rules, token, analyze, accountSource);
        RulesRoutes rulesRoutes = new RulesRoutes(rules, token, metrics);
        BounceRoute bounce = new BounceRoute(settings, rules, analyze);
        ExplainRoute explain = new ExplainRoute(settings, rules, analyze);
        SweepRoute sweep = new SweepRoute(settings, rules, token);
        this.app = Javalin.create(config -> Jetty.configure(config, settings, metrics));

        app.post("/api/v1/analyze", analyze::analyze);
        app.post("/api/v1/analyze/batch", analyze::batch);
        app.post("/api/v1/diagnose", diagnose::handle);
        app.post("/api/v1/bounce", bounce::handle);
        app.post("/api/v1/sweep", sweep::handle);
        app.post("/api/v1/explain", explain::handle);
        app.get("/api/v1/rules", rulesRoutes::list);
        app.get("/api/v1/knowledge/{code}", rulesRoutes::knowledge);
        app.get("/api/v1/words", rulesRoutes::words);
        app.post("/api/v1/rules/reload", rulesRoutes::reload);
        app.get("/health", ctx -> Answers.json(ctx, 200, Map.of("status", "ok", "rules", rules.version())));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render(rules.version(), rules.loadedAt().getEpochSecond())));
        app.get("/openapi.json", ctx -> {
            try (InputStream in = ApiServer.class.getResourceAsStream("/http/openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        app.exception(ApiError.class, (e, ctx) -> Answers.error(ctx, e.status, e.getMessage(), e.field));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) ->
                Answers.error(ctx, e.getStatus(), e.getStatus() == 413 ? "request body too large" : e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), Jetty.routeOf(ctx), e);
            Answers.error(ctx, 500, "internal error", null);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(Answers.WRITTEN) == null) { // a route's own 404 (unknown code) is already written
                Answers.error(ctx, 404, "no such route", null);
            }
        });
        app.error(405, ctx -> Answers.error(ctx, 405, "method not allowed", null));
    }

    public ApiServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        app.stop();
    }
}
