package org.exdiag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.engine.RuleCatalog;
import org.exdiag.engine.RuleSet;
import org.exdiag.knowledge.KnowledgeBase;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Template;
import org.exdiag.knowledge.Wording;

/**
 * Holds a rules folder and a knowledge base against each other, so that no reader ever sees a code, a
 * tag or a place where words should be: every code the rules raise has an entry; every message tag a
 * rule gives has a template in every language; no template uses a value the rule does not give; every
 * {@code expected.} value a text names exists in expected-values.yaml; every vocabulary a template
 * names exists; every word exdiag's own pages and reports use exists.
 */
final class ExpertiseCheck {
    private ExpertiseCheck() {
    }

    static void check(RuleSet rules, KnowledgeBase kb) throws LoadException {
        List<Problem> problems = new ArrayList<>();
        Set<String> missingEntries = new LinkedHashSet<>();
        for (RuleCatalog.RuleInfo rule : rules.catalog().rules()) {
            for (RuleCatalog.Emission e : rule.emissions()) {
                for (String code : e.effect() == null ? List.of(e.code()) : List.of(e.code(), e.effect())) {
                    if (kb.entry(code).isEmpty() && missingEntries.add(code)) {
                        problems.add(new Problem(rule.file(), e.line(), "no knowledge-base entry for " + code
                                + ", which rule \"" + rule.name() + "\" uses (add " + kb.origin() + "/" + code + ".yaml)"));
                    }
                }
                if (e.tag() == null || kb.entry(e.code()).isEmpty()) {
                    continue;
                }
                for (Language lang : Language.values()) {
                    Template t = kb.evidence(e.code(), e.tag(), lang);
                    if (t == null) {
                        problems.add(new Problem(rule.file(), e.line(), "rule \"" + rule.name() + "\" gives tag " + e.tag()
                                + ", which has no " + lang.tag() + " template (add it under " + lang.tag() + ".evidence in "
                                + kb.origin() + "/" + e.code() + ".yaml, or in " + KnowledgeBase.MESSAGES + " when several codes share it)"));
                        continue;
                    }
                    Set<String> unknown = new LinkedHashSet<>(t.argumentNames());
                    unknown.removeAll(e.names());
                    if (!unknown.isEmpty()) {
                        problems.add(new Problem(rule.file(), e.line(), "rule \"" + rule.name() + "\" gives tag " + e.tag()
                                + " with " + (e.names().isEmpty() ? "no value" : "{" + String.join(", ", e.names()) + "}")
                                + ", but its " + lang.tag() + " template uses {" + String.join("}, {", unknown) + "}"));
                    }
                }
            }
        }
        for (org.exdiag.rules.LinkRow row : rules.links().rows()) {
            for (String code : List.of(row.cause(), row.effect())) {
                if (kb.entry(code).isEmpty() && missingEntries.add(code)) {
                    problems.add(new Problem(rules.origin() + "/links.yaml", 0, "no knowledge-base entry for " + code
                            + ", which link \"" + row.name() + "\" uses (add " + kb.origin() + "/" + code + ".yaml)"));
                }
            }
        }
        Wording en = kb.wording(Language.EN);
        for (KnowledgeBase.Located located : kb.templates()) {
            for (String path : located.template().expectedPaths()) {
                if (rules.expectedValues().lookup(path) == null) {
                    problems.add(kb.problemAt(located, "{expected." + path + "} is not a value of " + rules.origin()
                            + "/expected-values.yaml"));
                }
            }
            for (String vocabulary : located.template().vocabularies()) {
                if (!en.hasVocabulary(vocabulary)) {
                    problems.add(kb.problemAt(located, "{...|" + vocabulary + "}: no such vocabulary under values in "
                            + KnowledgeBase.MESSAGES));
                }
            }
        }
        for (String word : Wording.REQUIRED) {
            if (!en.hasWord(word)) {
                problems.add(new Problem(kb.origin() + "/" + KnowledgeBase.MESSAGES, 0, "words: \"" + word
                        + "\" is missing (exdiag's reports and page use it)"));
            }
        }
        for (String vocabulary : Wording.REQUIRED_VOCABULARIES) {
            if (!en.hasVocabulary(vocabulary)) {
                problems.add(new Problem(kb.origin() + "/" + KnowledgeBase.MESSAGES, 0, "values: vocabulary \"" + vocabulary
                        + "\" is missing (exdiag's reports use it)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
    }
}
