package org.exdiag.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.exdiag.engine.Inference;
import org.exdiag.facts.CouldNotCheckFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Entry;
import org.exdiag.knowledge.EntryText;
import org.exdiag.knowledge.KnowledgeBase;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Severity;
import org.exdiag.knowledge.Template;
import org.exdiag.knowledge.Wording;
import org.exdiag.rules.Finding;
import org.exdiag.rules.Link;
import org.exdiag.rules.Note;

/**
 * Joins what the rules inferred with the knowledge base into a report: each finding's tag rendered by
 * its template in the report's language, each warning's texts, the links, the root causes (warnings
 * nothing else explains, most severe first), what could not be checked, and the verdict.
 */
public final class ReportBuilder {
    private static final List<String> SOURCE_ORDER = List.of("probe", "account", "provider");
    private static final Comparator<Finding> FINDING_ORDER = Comparator.comparing((Finding f) -> sourceRank(f.source()))
            .thenComparing(Finding::rule).thenComparing(Finding::tag).thenComparing(f -> f.args().toString());
    private static final Comparator<ReportWarning> BY_SEVERITY = Comparator.comparing(ReportWarning::severity)
            .thenComparing(ReportWarning::code);
    private static final Comparator<ReportWarning> WARNING_ORDER = Comparator
            .comparing((ReportWarning w) -> !w.explainedBy().isEmpty()).thenComparing(BY_SEVERITY);

    /** A warning's fixed texts in one language, rendered once: they name only expected values. */
    private record Texts(String title, String explanation, List<String> remediation) {
    }

    private final KnowledgeBase knowledge;
    private final Map<Language, Wording> wordings;
    private final Map<Language, Map<String, Texts>> texts = new EnumMap<>(Language.class);

    public ReportBuilder(KnowledgeBase knowledge, Map<Language, Wording> wordings) {
        this.knowledge = knowledge;
        this.wordings = wordings;
        for (Language language : Language.values()) {
            texts.put(language, new ConcurrentHashMap<>());
        }
    }

    public Report build(FactsDocument doc, Inference inference, Language language) {
        Wording wording = wordings.get(language);
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        for (Finding f : inference.findings()) {
            byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f);
        }
        List<ReportWarning> warnings = new ArrayList<>();
        Set<CouldNotCheck> couldNotCheck = new LinkedHashSet<>();
        for (CouldNotCheckFacts c : doc.couldNotCheckOrEmpty()) {
            couldNotCheck.add(new CouldNotCheck(c.part(), c.reason()));
        }
        for (Map.Entry<String, List<Finding>> e : byCode.entrySet()) {
            warnings.add(warning(e.getKey(), e.getValue(), inference, language, wording, couldNotCheck));
        }
        // Root causes first, most severe first; then what they explain.
        warnings.sort(WARNING_ORDER);
        List<String> rootCauses = new ArrayList<>();
        for (ReportWarning w : warnings) {
            if (w.explainedBy().isEmpty()) {
                rootCauses.add(w.code());
            }
        }
        return new Report(Report.VERSION, doc.mailbox(), verdict(warnings, couldNotCheck), rootCauses, warnings,
                List.copyOf(couldNotCheck), inference.clock(), language.tag());
    }

    private ReportWarning warning(String code, List<Finding> findings, Inference inference, Language language,
                                  Wording wording, Set<CouldNotCheck> couldNotCheck) {
        findings.sort(FINDING_ORDER);
        Entry entry = knowledge.entry(code).orElse(null);
        Set<String> evidence = new LinkedHashSet<>();
        for (Finding f : findings) {
            String text = render(code, f.tag(), f.args(), language, wording);
            evidence.add(text);
            if (entry != null && entry.isCouldNotCheck()) {
                couldNotCheck.add(new CouldNotCheck(entry.couldNotCheck().render(f.args(), wording), text));
            }
        }
        for (Note n : inference.notes()) {
            if (n.code().equals(code)) {
                evidence.add(render(code, n.tag(), n.args(), language, wording));
            }
        }
        // Plain loops over these short lists: as streams they were a sixth of the rules' samples in a JFR
        // profile of five-warnings.yaml (JFR undercounts Drools' frames, so less of the whole than that;
        // with the other cuts of that pass, rules only +7-14 %, docs/performance.md).
        List<String> explains = new ArrayList<>(2);
        List<String> explainedBy = new ArrayList<>(2);
        for (Link l : inference.links()) {
            if (l.cause().equals(code)) {
                addOnce(explains, l.effect());
            }
            if (l.effect().equals(code)) {
                addOnce(explainedBy, l.cause());
            }
        }
        List<String> rules = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            addOnce(rules, f.rule());
        }
        Severity severity = entry == null ? Severity.WARNING : entry.severity();
        Texts t = texts(code, entry, language, wording);
        return new ReportWarning(code, severity, t.title(), t.explanation(), t.remediation(), List.copyOf(evidence),
                List.copyOf(explains), List.copyOf(explainedBy), rules.get(0), List.copyOf(rules));
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private String render(String code, String tag, Map<String, Object> args, Language language, Wording wording) {
        Template template = knowledge.evidence(code, tag, language);
        // rules check refuses a tag without a template; a rules folder loaded without it still shows the facts
        return template == null ? tag + " " + args : template.render(args, wording);
    }

    private Texts texts(String code, Entry entry, Language language, Wording wording) {
        return texts.get(language).computeIfAbsent(code, c -> {
            if (entry == null) {
                return new Texts(code, code, List.of());
            }
            EntryText t = entry.text(language);
            return new Texts(t.title().render(Map.of(), wording), t.explanation().render(Map.of(), wording),
                    t.remediation().stream().map(step -> step.render(Map.of(), wording)).toList());
        });
    }

    private static int sourceRank(String source) {
        int i = SOURCE_ORDER.indexOf(source);
        return i < 0 ? SOURCE_ORDER.size() : i;
    }

    /** Problems: a warning of severity error or warning; incomplete: nothing wrong, but something could not be checked. */
    private static Verdict verdict(List<ReportWarning> warnings, Set<CouldNotCheck> couldNotCheck) {
        for (ReportWarning w : warnings) {
            if (w.severity().isProblem()) {
                return Verdict.PROBLEMS;
            }
        }
        return couldNotCheck.isEmpty() ? Verdict.HEALTHY : Verdict.INCOMPLETE;
    }
}
