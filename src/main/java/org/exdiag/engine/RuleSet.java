package org.exdiag.engine;

import java.util.List;
import java.util.Set;
import org.exdiag.rules.ExpectedValues;
import org.exdiag.rules.ReplyPattern;
import org.kie.api.KieBase;

/**
 * A compiled rules folder: the Drools rule base plus the data files the rules match against.
 * Immutable and thread-safe; sessions are made from it per analysis.
 *
 * @param kieBase        the compiled DRL
 * @param expectedValues expected-values.yaml
 * @param replyPatterns  smtp-replies.yaml, in file order
 * @param ruleNames      every rule's name, sorted
 * @param codes          every warning code the DRL raises or links, for the knowledge-base check
 * @param fingerprint    a hash of every file read, to tell rule bases apart
 * @param origin         where the rules came from, for messages
 */
public record RuleSet(KieBase kieBase, ExpectedValues expectedValues, List<ReplyPattern> replyPatterns,
                      List<String> ruleNames, Set<String> codes, String fingerprint, String origin) {
}
