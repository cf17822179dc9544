package org.exdiag.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exdiag.engine.Inference;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Entry;
import org.exdiag.knowledge.EntryText;
import org.exdiag.knowledge.KnowledgeBase;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Severity;
import org.exdiag.rules.Finding;
import org.exdiag.rules.Link;
import org.exdiag.rules.Note;

/** Joins what the rules inferred with the knowledge base's texts into a report. */
public final class ReportBuilder {
    private static final List<String> SOURCE_ORDER = List.of("probe", "account", "provider");

    private final KnowledgeBase knowledge;

    public ReportBuilder(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    public Report build(FactsDocument doc, Inference inference, Language language) {
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding f : inference.findings()) {
            byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f);
        }
        List<ReportWarning> warnings = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byCode.entrySet()) {
            warnings.add(warning(e.getKey(), e.getValue(), inference, language));
        }
        Comparator<ReportWarning> bySeverity = Comparator.comparing(ReportWarning::severity)
                .thenComparing(ReportWarning::code);
        List<String> rootCauses = warnings.stream().filter(w -> w.explainedBy().isEmpty()).sorted(bySeverity)
                .map(ReportWarning::code).toList();
        // Root causes first, in their order; then what they explain.
        warnings.sort(Comparator.comparing((ReportWarning w) -> !w.explainedBy().isEmpty()).thenComparing(bySeverity));
        return new Report(Report.VERSION, doc.mailbox(), verdict(warnings), rootCauses, List.copyOf(warnings),
                inference.clock(), language.tag(), List.of());
    }

    private ReportWarning warning(String code, List<Finding> findings, Inference inference, Language language) {
        findings.sort(Comparator.comparing((Finding f) -> sourceRank(f.source())).thenComparing(Finding::rule)
                .thenComparing(Finding::evidence));
        List<String> evidence = new ArrayList<>();
        findings.forEach(f -> evidence.add(f.evidence()));
        inference.notes().stream().filter(n -> n.code().equals(code)).map(Note::text).forEach(evidence::add);
        List<String> explains = inference.links().stream().filter(l -> l.cause().equals(code)).map(Link::effect)
                .distinct().toList();
        List<String> explainedBy = inference.links().stream().filter(l -> l.effect().equals(code)).map(Link::cause)
                .distinct().toList();
        List<String> rules = findings.stream().map(Finding::rule).distinct().toList();
        Entry entry = knowledge.entry(code).orElse(null);
        Severity severity = entry == null ? Severity.WARNING : entry.severity();
        EntryText text = entry == null ? new EntryText(code, "No knowledge-base entry for " + code + ".", List.of())
                : entry.text(language);
        return new ReportWarning(code, severity, text.title(), text.explanation(), text.remediation(),
                List.copyOf(new java.util.LinkedHashSet<>(evidence)), explains, explainedBy, rules.get(0), rules);
    }

    private static int sourceRank(String source) {
        int i = SOURCE_ORDER.indexOf(source);
        return i < 0 ? SOURCE_ORDER.size() : i;
    }

    private static Verdict verdict(List<ReportWarning> warnings) {
        if (warnings.isEmpty()) {
            return Verdict.HEALTHY;
        }
        return warnings.stream().anyMatch(w -> w.severity().isProblem()) ? Verdict.PROBLEMS : Verdict.INCOMPLETE;
    }

}
