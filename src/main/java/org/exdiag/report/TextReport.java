package org.exdiag.report;

import java.util.List;
import org.exdiag.knowledge.Language;

/** The report for a person at a terminal: root causes first, then what they explain. */
public final class TextReport {
    private TextReport() {
    }

    public static String render(Report report, Language lang) {
        StringBuilder out = new StringBuilder();
        out.append(report.mailbox()).append(Words.colon(lang)).append(Words.of(report.verdict().wire(), lang)).append('\n');
        List<ReportWarning> roots = report.warnings().stream().filter(w -> w.explainedBy().isEmpty()).toList();
        List<ReportWarning> explained = report.warnings().stream().filter(w -> !w.explainedBy().isEmpty()).toList();
        if (!roots.isEmpty()) {
            out.append('\n').append(Words.of("rootCauses", lang)).append(Words.colon(lang).stripTrailing()).append("\n");
            roots.forEach(w -> warning(out, w, lang, true));
        }
        if (!explained.isEmpty()) {
            out.append('\n').append(Words.of("explained", lang)).append(Words.colon(lang).stripTrailing()).append("\n");
            explained.forEach(w -> warning(out, w, lang, false));
        }
        if (!report.couldNotCheck().isEmpty()) {
            out.append('\n').append(Words.of("couldNotCheck", lang)).append(Words.colon(lang).stripTrailing()).append('\n');
            report.couldNotCheck().forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static void warning(StringBuilder out, ReportWarning w, Language lang, boolean detailed) {
        out.append("  [").append(w.severity().wire()).append("] ").append(w.code()).append(Words.colon(lang)).append(w.title()).append('\n');
        if (!w.explains().isEmpty()) {
            out.append("      ").append(Words.of("explains", lang)).append(Words.colon(lang)).append(String.join(", ", w.explains())).append('\n');
        }
        if (!w.explainedBy().isEmpty()) {
            out.append("      ").append(Words.of("explainedBy", lang)).append(Words.colon(lang)).append(String.join(", ", w.explainedBy())).append('\n');
        }
        for (String e : w.evidence()) {
            out.append("      - ").append(e).append('\n');
        }
        if (detailed) {
            out.append("      ").append(w.explanation()).append('\n');
            out.append("      ").append(Words.of("fix", lang)).append(Words.colon(lang).stripTrailing()).append("\n");
            for (int i = 0; i < w.remediation().size(); i++) {
                out.append("        ").append(i + 1).append(". ").append(w.remediation().get(i)).append('\n');
            }
        }
    }
}
