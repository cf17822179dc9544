package org.exdiag.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.exdiag.Expertise;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.BatchRecord;
import org.exdiag.batch.JsonLinesReader;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.batch.Outcome;
import org.exdiag.engine.AnalysisException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/analyze} and {@code /api/v1/analyze/batch}: reports from facts documents. */
final class AnalyzeRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(AnalyzeRoutes.class);
    private static final String JSON_LINES = "application/x-ndjson";

    private final ServerSettings settings;
    private final RuleBaseHolder rules;
    private final Metrics metrics;
    private final FactsReader reader;

    AnalyzeRoutes(ServerSettings settings, RuleBaseHolder rules, Metrics metrics) {
        this.settings = settings;
        this.rules = rules;
        this.metrics = metrics;
        this.reader = new FactsReader(new org.exdiag.facts.FactsLimits(settings.maxBodyBytes(),
                org.exdiag.facts.FactsLimits.DEFAULT.maxNestingDepth(), org.exdiag.facts.FactsLimits.DEFAULT.maxStringLength()));
    }

    FactsReader reader() {
        return reader;
    }

    void analyze(Context ctx) throws IOException {
        Language lang = Answers.language(ctx);
        byte[] body = Answers.boundedBody(ctx, settings.maxBodyBytes());
        FactsDocument facts;
        try {
            facts = reader.read(body, Answers.formatOf(ctx.contentType(), body));
        } catch (FactsException e) {
            metrics.analysisError();
            throw new ApiError(400, e.getMessage(), e.field());
        }
        Object report = report(rules.current(), facts, lang);
        if ("true".equals(ctx.queryParam("withFacts"))) {
            // the page draws what the facts hold (Outlook's steps) beside the report, from YAML as from JSON
            java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
            answer.put("report", report);
            answer.put("facts", facts);
            Answers.json(ctx, 200, answer);
            return;
        }
        Answers.json(ctx, 200, report);
    }

    void batch(Context ctx) throws Exception {
        Language lang = Answers.language(ctx);
        Expertise expertise = rules.current(); // one rule set for the whole batch, even across a reload
        BatchAnalysis analysis = new BatchAnalysis(reader, expertise, lang);
        ctx.status(200).contentType(JSON_LINES);
        OutputStream out = ctx.res().getOutputStream();
        try (JsonLinesReader lines = new JsonLinesReader("request", ctx.req().getInputStream(),
                settings.maxBatchLineBytes())) {
            OrderedParallel.run(lines, Runtime.getRuntime().availableProcessors(), doc -> {
                Outcome o = analysis.analyze(doc);
                if (o.failed()) {
                    metrics.analysisError();
                } else {
                    metrics.analysis(o.report().verdict().wire(), o.report().rootCauses());
                }
                return BatchRecord.of(o);
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

    /** The report, counted in the metrics; a rule that fails is a 500 naming the rule's failure. */
    Report report(Expertise expertise, FactsDocument facts, Language lang) {
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
}
