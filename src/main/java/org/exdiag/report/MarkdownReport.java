package org.exdiag.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Wording;

/**
 * A help request ready to paste into a ticket at the provider's support: the root causes, each with
 * what it explains nested under it (an effect under every cause that explains it, and only there), the
 * evidence, then a digest of the facts ({@link FactsDigest}). Facts never hold secrets; only the
 * servers' own replies are quoted. Every word comes from the knowledge base.
 */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    public static String render(Report report, FactsDocument facts, Wording words) {
        StringBuilder out = new StringBuilder();
        String colon = words.colon();
        out.append("## ").append(words.word("help.title")).append(' ').append(report.subject(words)).append("\n\n");
        out.append("**").append(words.word("help.verdict")).append(colon.stripTrailing()).append("** ")
                .append(words.word("verdict." + report.verdict().wire()))
                .append("  \n**").append(words.word("help.collected")).append(colon.stripTrailing()).append("** ")
                .append(report.collectedAt()).append("\n\n");
        out.append("### ").append(words.word("report.rootCauses")).append("\n\n");
        if (report.rootCauses().isEmpty()) {
            out.append(words.word("report.noWarning")).append("\n\n");
        }
        Map<String, ReportWarning> byCode = new LinkedHashMap<>();
        report.warnings().forEach(w -> byCode.put(w.code(), w));
        for (String root : report.rootCauses()) {
            tree(out, byCode.get(root), byCode, 0, new HashSet<>(), words);
        }
        if (!report.couldNotCheck().isEmpty()) {
            out.append("\n**").append(words.word("report.couldNotCheck")).append(colon.stripTrailing()).append("**\n");
            report.couldNotCheck().forEach(c -> out.append("- ").append(escape(words.value("part", c.part()))).append(colon)
                    .append(escape(c.reason())).append('\n'));
        }
        out.append("\n### ").append(words.word("help.facts")).append("\n\n");
        FactsDigest.write(out, facts, words);
        out.append("\n_").append(words.word("help.generated")).append("_\n");
        return out.toString();
    }

    /** A warning, its evidence, then each warning it explains one level deeper; a cycle stops at its second visit. */
    private static void tree(StringBuilder out, ReportWarning w, Map<String, ReportWarning> byCode, int depth,
                             Set<String> path, Wording words) {
        if (w == null || !path.add(w.code())) {
            return;
        }
        String indent = "  ".repeat(depth * 2);
        boolean root = depth == 0;
        out.append(indent).append("- ").append(root ? "**" : "").append(w.code()).append(root ? "**" : "").append(" (")
                .append(words.value("severity", w.severity().wire())).append(")").append(words.colon()).append(escape(w.title()));
        List<String> others = new ArrayList<>(w.explainedBy());
        if (!root && others.size() > 1) {
            out.append(" — ").append(words.word("report.explainedBy")).append(' ').append(String.join(", ", others));
        }
        out.append('\n');
        for (String e : w.evidence()) {
            out.append(indent).append("  - ").append(escape(e)).append('\n');
        }
        for (String effect : w.explains()) {
            tree(out, byCode.get(effect), byCode, depth + 1, path, words);
        }
        path.remove(w.code());
    }

    /** Evidence quotes server texts: keep Markdown from interpreting them. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }
}
