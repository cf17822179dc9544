package org.exdiag.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.DocumentSource;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.batch.Outcome;
import org.exdiag.engine.AnalysisException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Entry;
import org.exdiag.knowledge.Language;
import org.exdiag.probe.AddressPolicy;
import org.exdiag.probe.Diagnostic;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.ProgressListener;
import org.exdiag.probe.Secret;
import org.exdiag.report.Expertise;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code exdiag serve}: root-cause reports over HTTP (cli-http-v1), and the web page. Small and flat,
 * as Javalin means it: one method per route. Errors are JSON without stack traces; the access log has
 * method, route, status and time only.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("exdiag.access");
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String JSON_LINES = "application/x-ndjson";
    private static final String WRITTEN = "exdiag.response-written";

    private final ServerSettings settings;
    private final RuleBaseHolder rules;
    private final Metrics metrics = new Metrics();
    private final TokenCheck token;
    private final Semaphore diagnoses;
    private final FactsReader reader;
    private final ObjectMapper requestMapper;
    private final Javalin app;
    private final org.exdiag.probe.AccountSource accountSource;

    public ApiServer(ServerSettings settings, RuleBaseHolder rules) {
        this(settings, rules, null);
    }

    /** {@code accountSource}: where live diagnostics read account flags and the provider's diagnosis (null: nowhere). */
    public ApiServer(ServerSettings settings, RuleBaseHolder rules, org.exdiag.probe.AccountSource accountSource) {
        this.accountSource = accountSource;
        this.settings = settings;
        this.rules = rules;
        this.token = new TokenCheck(settings.token());
        this.diagnoses = new Semaphore(settings.diagnoseConcurrency());
        this.reader = new FactsReader(new org.exdiag.facts.FactsLimits(settings.maxBodyBytes(),
                org.exdiag.facts.FactsLimits.DEFAULT.maxNestingDepth(), org.exdiag.facts.FactsLimits.DEFAULT.maxStringLength()));
        this.requestMapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.app = Javalin.create(config -> configure(config, settings, metrics));
        routes();
    }

    /**
     * Javalin and Jetty as this server runs them: thread pool, limits, connector, static files, access
     * log and metrics. Public for the benchmark's floor server (docs/bench/http.sh), so that the floor it
     * measures is this server's, routes aside.
     */
    public static void configure(io.javalin.config.JavalinConfig config, ServerSettings settings, Metrics metrics) {
        config.showJavalinBanner = false;
        // Analyses are CPU-bound: two threads per core serve more, with shorter tails, than Jetty's
        // default of 200 time-slicing over two cores (docs/performance.md: 200 -> 18 -> 10 threads on
        // 2 cores). The 4 more cover Jetty's acceptor and selector, which come out of this pool, and
        // a spare pair; live diagnostics wait on the network and get one each (--diagnose-concurrency).
        int cores = Runtime.getRuntime().availableProcessors();
        config.jetty.threadPool = new org.eclipse.jetty.util.thread.QueuedThreadPool(
                Integer.getInteger("exdiag.http.threads", cores * 2 + 4 + settings.diagnoseConcurrency()),
                Math.min(8, cores * 2), 60_000);
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
        });
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(settings.maxHeaderBytes());
            http.setSendServerVersion(false);
        });
        config.jetty.addConnector((server, http) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(settings.bind());
            connector.setPort(settings.port());
            connector.setIdleTimeout(settings.idleTimeout().toMillis());
            return connector;
        });
        config.requestLogger.http((ctx, ms) -> {
            String route = routeOf(ctx);
            metrics.request(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1_000_000));
            ACCESS.info("{} {} {} {}ms", ctx.method(), route, ctx.statusCode(), Math.round(ms));
        });
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

    private void routes() {
        app.post("/api/v1/analyze", this::analyze);
        app.post("/api/v1/analyze/batch", this::analyzeBatch);
        app.post("/api/v1/diagnose", this::diagnose);
        app.get("/api/v1/rules", this::listRules);
        app.get("/api/v1/knowledge/{code}", this::knowledge);
        app.post("/api/v1/rules/reload", this::reload);
        app.get("/health", ctx -> json(ctx, 200, Map.of("status", "ok", "rules", rules.version())));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.render(rules.version(), rules.loadedAt().getEpochSecond())));
        app.get("/openapi.json", ctx -> {
            try (InputStream in = ApiServer.class.getResourceAsStream("/http/openapi.json")) {
                ctx.contentType("application/json").result(in.readAllBytes());
            }
        });
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status, e.getMessage(), e.field));
        app.exception(io.javalin.http.HttpResponseException.class, (e, ctx) ->
                error(ctx, e.getStatus(), e.getStatus() == 413 ? "request body too large" : e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("internal error on {} {}", ctx.method(), routeOf(ctx), e);
            error(ctx, 500, "internal error", null);
        });
        app.error(404, ctx -> {
            if (ctx.attribute(WRITTEN) == null) { // a route's own 404 (unknown code) is already written
                error(ctx, 404, "no such route", null);
            }
        });
        app.error(405, ctx -> error(ctx, 405, "method not allowed", null));
    }

    // --- routes

    private void analyze(Context ctx) throws IOException {
        Language lang = language(ctx);
        byte[] body = boundedBody(ctx, settings.maxBodyBytes());
        FactsFormat format = formatOf(ctx.contentType(), body);
        FactsDocument facts;
        try {
            facts = reader.read(body, format);
        } catch (FactsException e) {
            metrics.analysisError();
            throw new ApiError(400, e.getMessage(), e.field());
        }
        Report report = report(rules.current(), facts, lang);
        json(ctx, 200, report);
    }

    private void analyzeBatch(Context ctx) throws Exception {
        Language lang = language(ctx);
        Expertise expertise = rules.current(); // one rule set for the whole batch, even across a reload
        BatchAnalysis analysis = new BatchAnalysis(reader, expertise, lang);
        ctx.status(200).contentType(JSON_LINES);
        OutputStream out = ctx.res().getOutputStream();
        try (DocumentSource.JsonLines lines = DocumentSource.jsonLines("request", ctx.req().getInputStream(),
                settings.maxBatchLineBytes())) {
            OrderedParallel.run(lines, Runtime.getRuntime().availableProcessors(), doc -> {
                Outcome o = analysis.analyze(doc);
                if (o.failed()) {
                    metrics.analysisError();
                } else {
                    metrics.analysis(o.report().verdict().wire(), o.report().rootCauses());
                }
                return org.exdiag.batch.BatchRecord.of(o);
            }, line -> {
                try {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        out.flush();
    }

    private void diagnose(Context ctx) throws Exception {
        requireToken(ctx);
        byte[] body = boundedBody(ctx, 64 * 1024);
        DiagnoseRequest request;
        try {
            request = requestMapper.readValue(body, DiagnoseRequest.class);
        } catch (IOException e) {
            throw new ApiError(400, "bad diagnose request: " + firstLine(e.getMessage()), null);
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
            DiagnosticSettings probes;
            try {
                probes = request.options().settings(settings.diagnoseLab() ? AddressPolicy.ANY : AddressPolicy.PUBLIC_ONLY);
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, e.getMessage(), null);
            }
            checkAllowed(probes);
            if (!diagnoses.tryAcquire()) {
                throw new ApiError(429, "too many live diagnostics at once; try again shortly");
            }
            Diagnostic.Outcome outcome;
            try {
                outcome = new Diagnostic(probes, accountSource, ProgressListener.NONE, Clock.systemUTC()).diagnose(request.mailbox(), secret);
            } catch (ProbeException e) {
                throw new ApiError(400, e.getMessage());
            } finally {
                diagnoses.release();
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("report", report(rules.current(), outcome.facts(), language(ctx)).withCouldNotCheck(outcome.couldNotCheck()));
            answer.put("facts", outcome.facts());
            json(ctx, 200, answer);
        }
    }

    private void listRules(Context ctx) {
        Expertise e = rules.current();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", e.rules().fingerprint());
        answer.put("rules", e.rules().ruleNames());
        answer.put("codes", new java.util.TreeSet<>(e.rules().codes()));
        json(ctx, 200, answer);
    }

    private void knowledge(Context ctx) {
        String code = ctx.pathParam("code").toUpperCase(Locale.ROOT);
        Entry entry = rules.current().knowledge().entry(code)
                .orElseThrow(() -> new ApiError(404, "no knowledge-base entry for " + code, "code"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", entry.code());
        answer.put("severity", entry.severity());
        entry.texts().forEach((lang, text) -> answer.put(lang.tag(), text));
        json(ctx, 200, answer);
    }

    private void reload(Context ctx) {
        requireToken(ctx);
        RuleBaseHolder.ReloadResult result = rules.reload();
        metrics.reload(result.reloaded());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reloaded", result.reloaded());
        answer.put("version", result.version());
        if (!result.reloaded()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "the new rules were refused; the old ones keep serving");
            error.put("field", null);
            error.put("problems", result.problems());
            answer.put("error", error);
        }
        json(ctx, result.reloaded() ? 200 : 422, answer);
    }

    // --- helpers

    private Report report(Expertise expertise, FactsDocument facts, Language lang) {
        try {
            Report report = expertise.report(facts, lang);
            metrics.analysis(report.verdict().wire(), report.rootCauses());
            return report;
        } catch (AnalysisException e) {
            metrics.analysisError();
            LOG.warn("rules failed on a document", e);
            throw new ApiError(500, "the rules failed on this document: " + e.getMessage());
        }
    }

    private void requireToken(Context ctx) {
        switch (token.check(ctx.header("Authorization"))) {
            case OK -> { }
            case MISSING -> throw new ApiError(401, token.configured() ? "a bearer token is required"
                    : "this route is disabled: the server has no token (--token-file)");
            case WRONG -> throw new ApiError(403, "wrong token");
        }
    }

    private void checkAllowed(DiagnosticSettings probes) {
        List<String> hosts = new ArrayList<>(List.of(probes.smtp().host(), probes.imap().host()));
        if (probes.webmail() != null) {
            hosts.add(probes.webmail().getHost());
        }
        if (probes.dns() != null) {
            hosts.add(probes.dns().host());
        }
        for (String host : hosts) {
            String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
            if (settings.diagnoseHosts().stream().noneMatch(allowed -> allowed.equalsIgnoreCase(h)
                    || allowed.startsWith("*.") && h.endsWith(allowed.substring(1).toLowerCase(Locale.ROOT)))) {
                throw new ApiError(403, "host not allowed for live diagnostics: " + host, "privateHost");
            }
            if (!settings.diagnoseLab()) {
                refuseInternalAddresses(host);
            }
        }
    }

    /** The route pattern, never the raw path: labels and logs stay bounded and free of request data. */
    private static String routeOf(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            return ctx.statusCode() == 404 ? "(unmatched)" : "(static)";
        }
    }

    /**
     * An allowed name must not lead inside the network either: a name whose DNS points to loopback or a
     * private range is refused, as MX addresses are (lab mode lets tests use loopback).
     */
    private static void refuseInternalAddresses(String host) {
        try {
            for (java.net.InetAddress address : java.net.InetAddress.getAllByName(host)) {
                if (!AddressPolicy.PUBLIC_ONLY.allows(address)) {
                    throw new ApiError(403, "host " + host + " resolves to an internal address (" + address.getHostAddress()
                            + "): not allowed for live diagnostics", "privateHost");
                }
            }
        } catch (java.net.UnknownHostException e) {
            // Unknown names fail in the probes themselves, as "could not check".
        }
    }

    private static Language language(Context ctx) {
        String lang = ctx.queryParam("lang");
        try {
            return lang == null ? Language.EN : Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "lang");
        }
    }

    /**
     * The body, read no further than {@code max} bytes: a larger one is refused without buffering it (413).
     * Public for the benchmark's floor server, which reads bodies as the analyze route does.
     */
    public static byte[] boundedBody(Context ctx, int max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new ApiError(413, "request body too large: " + declared + " bytes (limit " + max + ")");
        }
        InputStream in = ctx.req().getInputStream();
        if (declared >= 0) {
            // The usual case: one array of the declared size, rather than growing 8 KiB chunks.
            byte[] body = new byte[(int) declared];
            int read = in.readNBytes(body, 0, body.length);
            if (read < body.length) {
                throw new ApiError(400, "request body shorter than its Content-Length");
            }
            return body;
        }
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw new ApiError(413, "request body too large (limit " + max + " bytes)");
        }
        return body;
    }

    private static FactsFormat formatOf(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("yaml")) {
            return FactsFormat.YAML;
        }
        if (type.contains("json")) {
            return FactsFormat.JSON;
        }
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '{' || b == '[' ? FactsFormat.JSON : FactsFormat.YAML;
            }
        }
        return FactsFormat.JSON;
    }

    /**
     * Writes the JSON straight to the response: handing Javalin a result makes it copy the bytes
     * through a fresh 8 KiB buffer per request (measured: a seventh of the analyze route's allocation).
     */
    private static void json(Context ctx, int status, Object value) {
        byte[] bytes;
        try {
            bytes = ReportWriter.json().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a value that cannot be written: a bug, answered 500
        }
        send(ctx, status, bytes);
    }

    /** Answers with JSON already written; public for the benchmark's floor server, which answers canned bytes. */
    public static void send(Context ctx, int status, byte[] json) {
        ctx.status(status).contentType("application/json").attribute(WRITTEN, Boolean.TRUE);
        ctx.res().setContentLength(json.length);
        try {
            ctx.res().getOutputStream().write(json);
        } catch (IOException e) {
            // The client went away before its answer: nobody is left to tell, and it is not our error.
            LOG.debug("client gone before the answer was written: {}", e.toString());
        }
    }

    private static void error(Context ctx, int status, String message, String field) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("field", field);
        json(ctx, status, Map.of("error", error));
    }

    private static String firstLine(String s) {
        return s == null ? "unreadable" : s.lines().findFirst().orElse("");
    }

}
