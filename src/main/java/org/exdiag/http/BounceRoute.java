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
import org.exdiag.bounce.Bounces;
import org.exdiag.bounce.NdrException;
import org.exdiag.bounce.NdrReader;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsReader;

/**
 * {@code POST /api/v1/bounce}: a bounce the customer forwarded, as pasted (a whole message or the
 * remote server's text), alone or added to facts, and its report. Body:
 * {@code {"ndr": "...", "mailbox": "...", "facts": "..."}}, the facts as JSON or YAML text.
 */
final class BounceRoute {
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

    void handle(Context ctx) throws IOException {
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
        byte[] ndr = request.ndr().getBytes(StandardCharsets.UTF_8);
        List<BounceFacts> bounces;
        try {
            bounces = NdrReader.read(ndr);
        } catch (NdrException e) {
            throw new ApiError(400, e.getMessage(), "ndr");
        }
        if (bounces.isEmpty()) {
            throw new ApiError(400, "no refusal found in the bounce", "ndr");
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
        String mailbox = request.mailbox() != null && !request.mailbox().isBlank() ? request.mailbox().strip()
                : saved != null ? saved.mailbox() : NdrReader.addressedTo(ndr);
        if (mailbox == null) {
            throw new ApiError(400, "mailbox: the bounce does not say whose mailbox it is", "mailbox");
        }
        FactsDocument withBounces;
        try {
            withBounces = Bounces.attach(saved, mailbox, bounces, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "mailbox");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("report", analysis.report(rules.current(), withBounces, Answers.language(ctx)));
        answer.put("facts", withBounces);
        Answers.json(ctx, 200, answer);
    }
}
