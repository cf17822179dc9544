package org.exdiag.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.bounce.BounceAnalysis;
import org.exdiag.bounce.BounceOutcome;
import org.exdiag.bounce.MessageSource;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsReader;

/**
 * {@code POST /api/v1/bounce}: a bounce the customer forwarded, as pasted (a whole message or the
 * remote server's text), alone or added to facts, and its report. Body:
 * {@code {"ndr": "...", "mailbox": "...", "facts": "..."}}, the facts as JSON or YAML text; or, with
 * {@code Content-Type: application/mbox}, a whole mailbox, answered with one JSON line per message.
 */
final class BounceRoute {
    private static final String MBOX = "application/mbox";
    private static final String JSON_LINES = "application/x-ndjson";

    record BounceRequest(String ndr, String mailbox, String facts) {
    }

    private final ServerSettings settings;
    private final AnalyzeRoutes analysis;
    private final FactsReader reader;
    private final RuleBaseHolder rules;
    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    BounceRoute(ServerSettings settings, RuleBaseHolder rules, AnalyzeRoutes analysis) {
        this.settings = settings;
        this.rules = rules;
        this.analysis = analysis;
        this.reader = analysis.reader();
    }

    void handle(Context ctx) throws Exception {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith(MBOX)) {
            many(ctx);
            return;
        }
        byte[] body = Answers.boundedBody(ctx, settings.maxBodyBytes());
        BounceRequest request;
        try {
            request = mapper.readValue(body, BounceRequest.class);
        } catch (IOException e) {
            throw new ApiError(400, "bad bounce request: " + Answers.firstLine(e.getMessage()), null);
        }
        if (request.ndr() == null || request.ndr().isBlank()) {
            throw new ApiError(400, "ndr: the bounce is required (a whole message, or the remote server's text)", "ndr");
        }
        FactsDocument saved = null;
        if (request.facts() != null && !request.facts().isBlank()) {
            byte[] facts = request.facts().getBytes(StandardCharsets.UTF_8);
            try {
                saved = reader.read(facts, Answers.formatOf(null, facts));
            } catch (FactsException e) {
                throw new ApiError(400, e.getMessage(), e.field() == null ? "facts" : "facts." + e.field());
            }
        }
        String mailbox = request.mailbox() != null && !request.mailbox().isBlank() ? request.mailbox().strip() : null;
        if (mailbox != null) {
            try {
                FactsDocument.ofBounces(mailbox, Instant.EPOCH, List.of());
            } catch (IllegalArgumentException e) {
                throw new ApiError(400, e.getMessage(), "mailbox");
            }
        }
        BounceAnalysis analysis = new BounceAnalysis(rules.current(), Answers.language(ctx), mailbox, saved, UnaryOperator.identity());
        BounceOutcome outcome = analysis.analyze(new MessageSource.Message("ndr", request.ndr().getBytes(StandardCharsets.UTF_8), null));
        if (outcome.failed()) {
            throw new ApiError(400, outcome.error(), "ndr");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        if (outcome.isSkipped()) {
            answer.put("skipped", BounceOutcome.NOT_A_BOUNCE);
            answer.put("reason", outcome.skipped());
        } else {
            answer.put("report", outcome.report());
            answer.put("facts", outcome.facts());
        }
        Answers.json(ctx, 200, answer);
    }

    /** An mbox body: one JSON line per message, in order, as {@code exdiag bounce} writes them, streamed. */
    private void many(Context ctx) throws Exception {
        BounceAnalysis analysis = new BounceAnalysis(rules.current(), Answers.language(ctx), null, null, UnaryOperator.identity());
        ctx.status(200).contentType(JSON_LINES);
        OutputStream out = ctx.res().getOutputStream();
        try (MessageSource messages = MessageSource.ofStream("request", ctx.req().getInputStream())) {
            OrderedParallel.run(messages, Runtime.getRuntime().availableProcessors(), m -> analysis.analyze(m).jsonLine(), line -> {
                try {
                    out.write(line.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        out.flush();
    }
}
