package org.exdiag.explain;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import org.exdiag.knowledge.Wording;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;

/** An explanation as text for a person, Markdown for a ticket, or JSON and YAML for programs. */
public final class ExplanationWriter {
    private ExplanationWriter() {
    }

    public static String write(Explanation e, ReportFormat format, Wording words) {
        try {
            return switch (format) {
                case JSON, JSONL -> ReportWriter.json().writerWithDefaultPrettyPrinter().writeValueAsString(e) + "\n";
                case YAML -> ReportWriter.yaml().writeValueAsString(e);
                case MARKDOWN -> markdown(e, words);
                case TEXT -> text(e, words);
            };
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String heading(Explanation e, Wording words) {
        return words.word(e.mode().equals("why") ? "explain.why" : "explain.whyNot").replace("{code}", e.code());
    }

    private static String summary(Explanation e, Wording words) {
        String s = words.word(e.fired() ? "explain.raised" : "explain.notRaised").replace("{code}", e.code());
        if (e.rules().isEmpty()) {
            s += " " + words.word(e.mode().equals("why") && !e.fired() ? "explain.askWhyNot" : "explain.noRule").replace("{code}", e.code());
        }
        return s;
    }

    static String text(Explanation e, Wording words) {
        String colon = words.word("punctuation.colon");
        StringBuilder out = new StringBuilder(heading(e, words)).append('\n').append(summary(e, words)).append('\n');
        for (Explanation.RuleTrace r : e.rules()) {
            out.append('\n').append(words.word("explain.rule")).append(" \"").append(r.rule()).append("\" (").append(r.file())
                    .append(':').append(r.line()).append(")").append(colon)
                    .append(words.word(r.fired() ? "explain.fired" : "explain.didNotFire")).append('\n');
            if (r.unsupported() != null) {
                out.append("  ").append(r.unsupported()).append('\n');
            }
            int n = 1;
            for (Explanation.ConditionTrace c : r.conditions()) {
                out.append("  ").append(n++).append(". ").append(c.text().replace("\n", " ").replaceAll("\\s+", " ")).append('\n');
                out.append("     ").append(state(c, words));
                if (!c.facts().isEmpty()) {
                    out.append(colon).append(String.join("; ", c.facts()));
                }
                out.append('\n');
            }
        }
        links(out, e, words, colon, "");
        return out.toString();
    }

    static String markdown(Explanation e, Wording words) {
        String colon = words.word("punctuation.colon");
        StringBuilder out = new StringBuilder("## ").append(heading(e, words)).append("\n\n").append(summary(e, words)).append('\n');
        for (Explanation.RuleTrace r : e.rules()) {
            out.append("\n### ").append(words.word("explain.rule")).append(" \"").append(r.rule()).append("\" (`").append(r.file())
                    .append(':').append(r.line()).append("`)").append(colon)
                    .append(words.word(r.fired() ? "explain.fired" : "explain.didNotFire")).append("\n\n");
            if (r.unsupported() != null) {
                out.append(r.unsupported()).append("\n\n");
            }
            int n = 1;
            for (Explanation.ConditionTrace c : r.conditions()) {
                out.append(n++).append(". `").append(c.text().replace("\n", " ").replaceAll("\\s+", " ").replace("`", "'"))
                        .append("`: **").append(state(c, words)).append("**");
                if (!c.facts().isEmpty()) {
                    out.append(colon).append(String.join("; ", c.facts().stream().map(f -> "`" + f.replace("`", "'") + "`").toList()));
                }
                out.append('\n');
            }
        }
        links(out, e, words, colon, "- ");
        return out.toString();
    }

    private static String state(Explanation.ConditionTrace c, Wording words) {
        return words.word(c.held() == null ? "explain.notReached" : c.held() ? "explain.held" : "explain.failed");
    }

    private static void links(StringBuilder out, Explanation e, Wording words, String colon, String bullet) {
        if (!e.explainedBy().isEmpty()) {
            out.append('\n').append(words.word("explain.explainedBy")).append(colon.stripTrailing()).append('\n');
            e.explainedBy().forEach(l -> out.append(bullet.isEmpty() ? "  " : bullet).append(l.cause()).append(" → ").append(l.effect())
                    .append(l.rules().isEmpty() ? "" : " (" + words.word("explain.byRules") + " " + String.join(", ", l.rules()) + ")")
                    .append('\n'));
        }
        if (!e.explains().isEmpty()) {
            out.append('\n').append(words.word("explain.explains")).append(colon.stripTrailing()).append('\n');
            e.explains().forEach(l -> out.append(bullet.isEmpty() ? "  " : bullet).append(l.cause()).append(" → ").append(l.effect())
                    .append(l.rules().isEmpty() ? "" : " (" + words.word("explain.byRules") + " " + String.join(", ", l.rules()) + ")")
                    .append('\n'));
        }
    }
}
