package org.exdiag.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Locale;
import java.util.TreeSet;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.explain.Explainer;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;

/**
 * {@code POST /api/v1/explain?code=CODE&mode=why|why-not}, with a facts document as the body: why the
 * warning was raised, or why not (the JSON of {@code exdiag explain}). The prefixes of the rules are
 * compiled on the first question after a start or a reload (a few seconds), then reused.
 */
final class ExplainRoute {
    private final ServerSettings settings;
    private final RuleBaseHolder rules;
    private final AnalyzeRoutes analysis;
    private volatile Explainer explainer;

    ExplainRoute(ServerSettings settings, RuleBaseHolder rules, AnalyzeRoutes analysis) {
        this.settings = settings;
        this.rules = rules;
        this.analysis = analysis;
    }

    void handle(Context ctx) throws IOException {
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank()) {
            throw new ApiError(400, "code: the warning code to explain is required (?code=MX_INVALID)", "code");
        }
        code = code.strip().toUpperCase(Locale.ROOT);
        Explainer.Mode mode;
        try {
            mode = Explainer.Mode.parse(ctx.queryParam("mode") == null ? "why-not" : ctx.queryParam("mode"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "mode");
        }
        byte[] body = Answers.boundedBody(ctx, settings.maxBodyBytes());
        FactsDocument facts;
        try {
            facts = analysis.reader().read(body, Answers.formatOf(ctx.contentType(), body));
        } catch (FactsException e) {
            throw new ApiError(400, e.getMessage(), e.field());
        }
        Explainer current = explainerFor(rules.current());
        if (!current.expertise().rules().codes().contains(code)) {
            throw new ApiError(400, "no rule raises " + code + " (the codes: "
                    + String.join(", ", new TreeSet<>(current.expertise().rules().codes())) + ")", "code");
        }
        try {
            Answers.json(ctx, 200, current.explain(facts, code, mode, Answers.language(ctx)));
        } catch (LoadException e) {
            throw new ApiError(500, "the rules' conditions could not be compiled apart: " + e.getMessage());
        }
    }

    private Explainer explainerFor(Expertise expertise) {
        Explainer e = explainer;
        if (e == null || e.expertise() != expertise) {
            e = new Explainer(expertise);
            explainer = e;
        }
        return e;
    }
}
