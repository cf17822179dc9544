package org.exdiag.engine;

import org.exdiag.replies.ReplyClassifier;
import java.util.List;
import java.util.Set;
import org.exdiag.expected.ExpectedValues;
import org.exdiag.rules.LinkTable;
import org.kie.api.KieBase;

/**
 * A compiled rules folder: the Drools rule base plus the data files the rules match against.
 * Immutable and thread-safe; sessions are made from it per analysis.
 *
 * @param kieBase        the compiled DRL, with exdiag's built-in rule and queries
 * @param expectedValues expected-values.yaml
 * @param replies        smtp-replies.yaml, as the classifier that applies it
 * @param links          links.yaml: what explains what, applied by links.drl
 * @param catalog        what each rule of the folder raises, notes and links
 * @param ruleNames      every rule's name of the folder and every link's of links.yaml, sorted (the built-in one aside)
 * @param fingerprint    a hash of every file read, to tell rule bases apart
 * @param origin         where the rules came from, for messages
 * @param drlSources     the folder's DRL files as read (name and text): what {@code exdiag explain} cuts
 */
public record RuleSet(KieBase kieBase, ExpectedValues expectedValues, ReplyClassifier replies, LinkTable links, RuleCatalog catalog,
                      List<String> ruleNames, String fingerprint, String origin, java.util.Map<String, String> drlSources) {

    /** Every warning code the rules raise, note or link: each needs a knowledge-base entry. */
    public Set<String> codes() {
        Set<String> codes = new java.util.TreeSet<>(catalog.codes());
        links.rows().forEach(r -> {
            codes.add(r.cause());
            codes.add(r.effect());
        });
        return codes;
    }
}
