package org.exdiag.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.exdiag.sweep.DoneDomains;
import org.exdiag.sweep.Sweep;
import org.exdiag.sweep.SweepInput;
import org.exdiag.sweep.SweepLines;
import org.exdiag.sweep.SweepOptions;
import org.exdiag.sweep.SweepSettings;

/**
 * {@code POST /api/v1/sweep}: the sweep's input as the body (one domain a line, or JSON lines), its
 * records streamed back as JSON lines in input order, as {@code exdiag sweep} writes them. Behind the
 * token, at most {@code --diagnose-concurrency} sweeps at once. Options in the query: {@code offer},
 * {@code setup}, {@code dkimSelector} (repeatable), {@code concurrency}, {@code rate}, {@code timeout},
 * {@code retries}, {@code lang}; {@code dns} (another resolver) only on a server started with
 * {@code --diagnose-lab}.
 */
final class SweepRoute {
    private static final String JSON_LINES = "application/x-ndjson";

    private final ServerSettings settings;
    private final RuleBaseHolder rules;
    private final TokenCheck token;
    private final Semaphore running;

    SweepRoute(ServerSettings settings, RuleBaseHolder rules, TokenCheck token) {
        this.settings = settings;
        this.rules = rules;
        this.token = token;
        this.running = new Semaphore(settings.diagnoseConcurrency());
    }

    void handle(Context ctx) throws Exception {
        token.require(ctx.header("Authorization"));
        SweepOptions options = options(ctx);
        SweepSettings sweepSettings = options.settings();
        SweepInput defaults = options.input();
        if (!running.tryAcquire()) {
            throw new ApiError(429, "too many sweeps at once; try again shortly");
        }
        try (SweepLines lines = new SweepLines("request", ctx.req().getInputStream(), defaults, DoneDomains.NONE);
             Sweep sweep = new Sweep(rules.current(), Answers.language(ctx), sweepSettings)) {
            ctx.status(200).contentType(JSON_LINES);
            OutputStream out = ctx.res().getOutputStream();
            sweep.run(lines, o -> {
                try {
                    out.write(o.jsonLine().getBytes(StandardCharsets.UTF_8));
                    out.flush(); // a line as soon as its domain and those before it are done: the client sees progress
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException clientGone) {
            // The client went away mid-stream: the sweep stops with it; nobody is left to answer.
        } finally {
            running.release();
        }
    }

    /** The query's options as every sweep takes them; a bad one is a 400 that names it. */
    private SweepOptions options(Context ctx) {
        String dns = ctx.queryParam("dns");
        if (dns != null && !settings.diagnoseLab()) {
            throw new ApiError(403, "dns: lab options are not enabled on this server", "dns");
        }
        int concurrency = number(ctx, "concurrency", SweepSettings.DEFAULT_CONCURRENCY, Integer::parseInt);
        int rate = number(ctx, "rate", SweepSettings.DEFAULT_RATE, Integer::parseInt);
        double seconds = number(ctx, "timeout", (double) SweepSettings.DEFAULT_TIMEOUT.toSeconds(), Double::parseDouble);
        int retries = number(ctx, "retries", SweepSettings.DEFAULT_ATTEMPTS - 1, Integer::parseInt);
        try {
            // NaN rounds to 0 and infinity to the longest: both outside what SweepSettings accepts
            return new SweepOptions(dns, concurrency, rate, Math.round(seconds * 1e9), retries + 1,
                    ctx.queryParam("offer"), ctx.queryParam("setup"), ctx.queryParams("dkimSelector")).checked();
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), null);
        }
    }

    private static <T> T number(Context ctx, String name, T fallback, Function<String, T> parse) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new ApiError(400, name + ": not a number", name);
        }
    }
}
