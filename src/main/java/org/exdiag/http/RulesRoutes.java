package org.exdiag.http;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.exdiag.Expertise;
import org.exdiag.knowledge.Entry;
import org.exdiag.knowledge.Language;

/** The rules serving now, a code's knowledge, the page's words, and reloads. */
final class RulesRoutes {
    /** The vocabularies the page shows values through. */
    private static final java.util.List<String> PAGE_VOCABULARIES = java.util.List.of("severity", "offer", "mail-setup", "part",
            "autodiscover-method", "autodiscover-ended", "tls-status", "auth-result", "connect");

    private final RuleBaseHolder rules;
    private final TokenCheck token;
    private final Metrics metrics;

    RulesRoutes(RuleBaseHolder rules, TokenCheck token, Metrics metrics) {
        this.rules = rules;
        this.token = token;
        this.metrics = metrics;
    }

    void list(Context ctx) {
        Expertise e = rules.current();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", e.rules().fingerprint());
        answer.put("rules", e.rules().ruleNames());
        answer.put("codes", new TreeSet<>(e.rules().codes()));
        Answers.json(ctx, 200, answer);
    }

    void knowledge(Context ctx) {
        String code = ctx.pathParam("code").toUpperCase(Locale.ROOT);
        Expertise e = rules.current();
        Entry entry = e.knowledge().entry(code)
                .orElseThrow(() -> new ApiError(404, "no knowledge-base entry for " + code, "code"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", entry.code());
        answer.put("severity", entry.severity());
        for (Language lang : Language.values()) {
            var text = entry.text(lang);
            var words = e.wording(lang);
            Map<String, Object> texts = new LinkedHashMap<>();
            texts.put("title", text.title().render(Map.of(), words));
            texts.put("explanation", text.explanation().render(Map.of(), words));
            texts.put("remediation", text.remediation().stream().map(t -> t.render(Map.of(), words)).toList());
            answer.put(lang.tag(), texts);
        }
        Answers.json(ctx, 200, answer);
    }

    /** The web page's words in one language ({@code page.*} of messages.yaml), so that the page has no words of its own. */
    void words(Context ctx) {
        Language lang = Answers.language(ctx);
        var wording = rules.current().wording(lang);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("language", lang.tag());
        answer.put("colon", wording.colon());
        answer.put("words", wording.wordsStartingWith("page."));
        answer.put("verdicts", wording.wordsStartingWith("verdict."));
        answer.put("explain", wording.wordsStartingWith("explain."));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String vocabulary : PAGE_VOCABULARIES) {
            values.put(vocabulary, wording.vocabulary(vocabulary));
        }
        answer.put("values", values);
        Answers.json(ctx, 200, answer);
    }

    void reload(Context ctx) {
        token.require(ctx.header("Authorization"));
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
        Answers.json(ctx, result.reloaded() ? 200 : 422, answer);
    }
}
