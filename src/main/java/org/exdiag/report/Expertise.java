package org.exdiag.report;

import java.nio.file.Path;
import org.exdiag.engine.Analyzer;
import org.exdiag.engine.Inference;
import org.exdiag.engine.LoadException;
import org.exdiag.engine.RuleSet;
import org.exdiag.engine.RuleSetLoader;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.KnowledgeBase;
import org.exdiag.knowledge.Language;

/**
 * A rules folder and a knowledge base that belong together, checked against each other: the unit
 * that is loaded at start, swapped on reload, and asked for reports. Immutable and thread-safe.
 */
public final class Expertise {
    private final RuleSet rules;
    private final KnowledgeBase knowledge;
    private final Analyzer analyzer;
    private final ReportBuilder builder;

    public Expertise(RuleSet rules, KnowledgeBase knowledge) {
        this.rules = rules;
        this.knowledge = knowledge;
        this.analyzer = new Analyzer(rules);
        this.builder = new ReportBuilder(knowledge);
    }

    /** Compiles the rules, then loads the knowledge base and checks it covers every code the rules raise. */
    public static Expertise load(Path rulesFolder, String rulesShown, Path kbFolder, String kbShown) throws LoadException {
        RuleSet rules = RuleSetLoader.load(rulesFolder, rulesShown);
        KnowledgeBase kb = KnowledgeBase.load(kbFolder, kbShown, rules.codes());
        return new Expertise(rules, kb);
    }

    public Report report(FactsDocument doc, Language language) {
        Inference inference = analyzer.analyze(doc);
        return builder.build(doc, inference, language);
    }

    public RuleSet rules() {
        return rules;
    }

    public KnowledgeBase knowledge() {
        return knowledge;
    }

    public Analyzer analyzer() {
        return analyzer;
    }

    public ReportBuilder reportBuilder() {
        return builder;
    }
}
