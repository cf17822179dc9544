package org.exdiag;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.exdiag.config.LoadException;
import org.exdiag.engine.Analyzer;
import org.exdiag.engine.Inference;
import org.exdiag.engine.RuleSet;
import org.exdiag.engine.RuleSetLoader;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.KnowledgeBase;
import org.exdiag.knowledge.KnowledgeBaseLoader;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Wording;
import org.exdiag.report.Report;
import org.exdiag.report.ReportBuilder;

/**
 * The whole pipeline: a rules folder and a knowledge base that belong together, checked against each
 * other ({@link ExpertiseCheck}); facts in, the rules' conclusions, then the report in the reader's
 * language. The unit that is loaded at start, swapped on reload, and asked for reports. Immutable and
 * thread-safe.
 */
public final class Expertise {
    private final RuleSet rules;
    private final KnowledgeBase knowledge;
    private final Analyzer analyzer;
    private final Map<Language, Wording> wordings = new EnumMap<>(Language.class);
    private final ReportBuilder builder;

    public Expertise(RuleSet rules, KnowledgeBase knowledge) {
        this.rules = rules;
        this.knowledge = knowledge;
        this.analyzer = new Analyzer(rules);
        for (Language language : Language.values()) {
            wordings.put(language, knowledge.wording(language).withExpected(rules.expectedValues()::lookup));
        }
        this.builder = new ReportBuilder(knowledge, wordings);
    }

    /** Compiles the rules, loads the knowledge base, and checks that each says what the other needs. */
    public static Expertise load(Path rulesFolder, String rulesShown, Path kbFolder, String kbShown) throws LoadException {
        RuleSet rules = RuleSetLoader.load(rulesFolder, rulesShown);
        KnowledgeBase kb = KnowledgeBaseLoader.load(kbFolder, kbShown);
        ExpertiseCheck.check(rules, kb);
        return new Expertise(rules, kb);
    }

    public Report report(FactsDocument doc, Language language) {
        Inference inference = analyzer.analyze(doc);
        return builder.build(doc, inference, language);
    }

    /** Every word of {@code language}, the rules' expected values included. */
    public Wording wording(Language language) {
        return wordings.get(language);
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
