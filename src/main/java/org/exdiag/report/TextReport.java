package org.exdiag.report;

import java.util.List;
import org.exdiag.knowledge.Wording;

/** The report for a person at a terminal: root causes first, then what they explain; every word from the knowledge base. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(Report report, Wording words) {
        StringBuilder out = new StringBuilder();
        out.append(report.subject(words)).append(words.colon()).append(words.word("verdict." + report.verdict().wire())).append('\n');
        List<ReportWarning> roots = report.warnings().stream().filter(w -> w.explainedBy().isEmpty()).toList();
        List<ReportWarning> explained = report.warnings().stream().filter(w -> !w.explainedBy().isEmpty()).toList();
        if (!roots.isEmpty()) {
            heading(out, words, "report.rootCauses");
            roots.forEach(w -> warning(out, w, words, true));
        }
        if (!explained.isEmpty()) {
            heading(out, words, "report.explained");
            explained.forEach(w -> warning(out, w, words, false));
        }
        if (!report.couldNotCheck().isEmpty()) {
            heading(out, words, "report.couldNotCheck");
            report.couldNotCheck().forEach(c -> out.append("  - ").append(words.value("part", c.part())).append(words.colon())
                    .append(c.reason()).append('\n'));
        }
        return out.toString();
    }

    private static void heading(StringBuilder out, Wording words, String key) {
        out.append('\n').append(words.word(key)).append(words.colon().stripTrailing()).append('\n');
    }

    private static void warning(StringBuilder out, ReportWarning w, Wording words, boolean detailed) {
        out.append("  [").append(words.value("severity", w.severity().wire())).append("] ").append(w.code())
                .append(words.colon()).append(w.title()).append('\n');
        if (!w.explains().isEmpty()) {
            out.append("      ").append(words.word("report.explains")).append(words.colon()).append(String.join(", ", w.explains())).append('\n');
        }
        if (!w.explainedBy().isEmpty()) {
            out.append("      ").append(words.word("report.explainedBy")).append(words.colon()).append(String.join(", ", w.explainedBy())).append('\n');
        }
        for (String e : w.evidence()) {
            out.append("      - ").append(e).append('\n');
        }
        if (detailed) {
            out.append("      ").append(w.explanation()).append('\n');
            out.append("      ").append(words.word("report.fix")).append(words.colon().stripTrailing()).append('\n');
            for (int i = 0; i < w.remediation().size(); i++) {
                out.append("        ").append(i + 1).append(". ").append(w.remediation().get(i)).append('\n');
            }
        }
    }
}
