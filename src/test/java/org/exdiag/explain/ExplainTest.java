package org.exdiag.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.engine.RuleCatalog;
import org.exdiag.facts.FactsDocument;
import org.exdiag.knowledge.Language;
import org.exdiag.scenario.FiredRules;
import org.exdiag.scenario.ScenarioResult;
import org.exdiag.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exdiag explain on every rule of the bundled set: each fires in some scenario, and --why names it with
 * the facts of each of its conditions; then, in copies of the rules where one condition of each rule is
 * made to fail, --why-not stops at that condition, the ones before it held, the ones after not tried.
 */
class ExplainTest {
    private static Expertise expertise;
    /** For each rule, the facts of a scenario that fires it. */
    private static final Map<String, FactsDocument> FIRING = new LinkedHashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void scenarios() throws Exception {
        expertise = TestSupport.expertise();
        ScenarioRunner runner = new ScenarioRunner(expertise);
        for (Path file : ScenarioRunner.scenarioFiles(Path.of("rules/tests"))) {
            for (ScenarioResult r : runner.runFile(file, file.toString())) {
                if (r.facts() == null) {
                    continue;
                }
                FiredRules fired = new FiredRules();
                expertise.analyzer().analyze(r.facts(), fired);
                fired.names().forEach(rule -> FIRING.putIfAbsent(rule, r.facts()));
            }
        }
    }

    private static String raisedCode(RuleCatalog.RuleInfo rule) {
        return rule.emissions().stream().filter(e -> e.kind() == RuleCatalog.Kind.RAISE).map(RuleCatalog.Emission::code)
                .findFirst().orElse(null);
    }

    @Test
    void whyNamesEveryRuleThatFiredWithTheFactsOfEachCondition() throws Exception {
        Explainer explainer = new Explainer(expertise);
        int raising = 0;
        int linking = 0;
        for (RuleCatalog.RuleInfo rule : expertise.rules().catalog().rules()) {
            FactsDocument facts = FIRING.get(rule.name());
            assertThat(facts).as("a scenario fires " + rule.name()).isNotNull();
            String code = raisedCode(rule);
            if (code != null) {
                Explanation why = explainer.explain(facts, code, Explainer.Mode.WHY, Language.EN);
                assertThat(why.fired()).as(rule.name()).isTrue();
                Explanation.RuleTrace trace = why.rules().stream().filter(r -> r.rule().equals(rule.name())).findFirst()
                        .orElseThrow(() -> new AssertionError("--why " + code + " does not name " + rule.name() + ": " + why));
                assertThat(trace.fired()).isTrue();
                assertThat(trace.unsupported()).isNull();
                for (Explanation.ConditionTrace c : trace.conditions()) {
                    assertThat(c.held()).as(rule.name() + ": " + c.text()).isTrue();
                    if (isPattern(c.text())) {
                        assertThat(c.facts()).as(rule.name() + ": the facts of " + c.text()).isNotEmpty();
                    }
                }
                raising++;
            }
            for (RuleCatalog.Emission link : rule.emissions().stream().filter(e -> e.kind() == RuleCatalog.Kind.EXPLAIN).toList()) {
                Explanation why = explainer.explain(facts, link.code(), Explainer.Mode.WHY, Language.EN);
                assertThat(why.explains()).as(rule.name()).anySatisfy(l -> {
                    assertThat(l.effect()).isEqualTo(link.effect());
                    assertThat(l.rules()).contains(rule.name());
                });
                linking++;
            }
        }
        for (org.exdiag.rules.LinkRow row : expertise.rules().links().rows()) {
            FactsDocument facts = FIRING.get(row.name());
            assertThat(facts).as("a scenario makes the link " + row.name()).isNotNull();
            Explanation why = explainer.explain(facts, row.cause(), Explainer.Mode.WHY, Language.EN);
            assertThat(why.explains()).as(row.name()).anySatisfy(l -> {
                assertThat(l.effect()).isEqualTo(row.effect());
                assertThat(l.rules()).contains(row.name());
            });
            Explanation effect = explainer.explain(facts, row.effect(), Explainer.Mode.WHY, Language.EN);
            assertThat(effect.explainedBy()).as(row.name()).anySatisfy(l -> assertThat(l.rules()).contains(row.name()));
            linking++;
        }
        assertThat(raising).isGreaterThan(60);
        assertThat(linking).isGreaterThan(20);
    }

    /** A pattern condition (not not, exists, eval, or, forall): it matches a fact. */
    private static boolean isPattern(String text) {
        return !text.matches("(?s)^(not|exists|eval|forall)\\b.*") && !text.startsWith("(");
    }

    @Test
    void whyNotStopsAtTheConditionThatFailsWhicheverItIs() throws Exception {
        Map<String, String> sources = expertise.rules().drlSources();
        ConditionCuts.Read read = ConditionCuts.read(sources);
        List<RuleCatalog.RuleInfo> raising = expertise.rules().catalog().rules().stream()
                .filter(r -> raisedCode(r) != null && FIRING.containsKey(r.name())).toList();
        int maxConditions = raising.stream().mapToInt(r -> read.cuts().get(r.name()).conditions().size()).max().orElse(0);
        // Rules on the probes' facts first, then those on other rules' warnings (whose causes then stay unmutated).
        List<List<RuleCatalog.RuleInfo>> passes = List.of(
                raising.stream().filter(r -> !onInferredFacts(read.cuts().get(r.name()))).toList(),
                raising.stream().filter(r -> onInferredFacts(read.cuts().get(r.name()))).toList());
        int strict = 0;
        int checked = 0;
        for (List<RuleCatalog.RuleInfo> pass : passes) {
            for (int k = 1; k <= maxConditions; k++) {
                Map<String, String> mutated = new HashMap<>(sources);
                List<RuleCatalog.RuleInfo> inThisCopy = new ArrayList<>();
                for (RuleCatalog.RuleInfo rule : pass) {
                    ConditionCuts.Cut cut = read.cuts().get(rule.name());
                    if (cut.conditions().size() >= k) {
                        mutated.put(rule.file(), failAt(mutated.get(rule.file()), rule.name(), cut.conditions().get(k - 1).text()));
                        inThisCopy.add(rule);
                    }
                }
                if (inThisCopy.isEmpty()) {
                    continue;
                }
                Explainer explainer = new Explainer(load(mutated, "k" + k + "-" + pass.hashCode()));
                for (RuleCatalog.RuleInfo rule : inThisCopy) {
                    Explanation whyNot = explainer.explain(FIRING.get(rule.name()), raisedCode(rule), Explainer.Mode.WHY_NOT, Language.EN);
                    Explanation.RuleTrace trace = whyNot.rules().stream().filter(r -> r.rule().equals(rule.name())).findFirst().orElseThrow();
                    assertThat(trace.fired()).as(rule.name() + " with condition " + k + " failing").isFalse();
                    int failed = -1;
                    for (int i = 0; i < trace.conditions().size(); i++) {
                        Explanation.ConditionTrace c = trace.conditions().get(i);
                        if (failed < 0 && Boolean.FALSE.equals(c.held())) {
                            failed = i;
                        } else if (failed >= 0) {
                            assertThat(c.held()).as(rule.name() + ": after the failed condition").isNull();
                        } else {
                            assertThat(c.held()).as(rule.name() + ": before the failed condition").isTrue();
                        }
                    }
                    assertThat(failed).as(rule.name() + ": a condition failed").isGreaterThanOrEqualTo(0);
                    String failedText = trace.conditions().get(failed).text();
                    if (failedText.contains("eval(false)")) {
                        strict++;
                    } else {
                        // An earlier condition on another rule's warning, itself made to fail in this copy.
                        assertThat(failedText).as(rule.name() + " stopped at " + failedText).containsPattern("Warning|Finding|Link|Note");
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(150);
        assertThat(strict).as("stopped exactly at the condition made to fail").isGreaterThan(checked * 9 / 10);
    }

    private static boolean onInferredFacts(ConditionCuts.Cut cut) {
        return cut.conditions().stream().anyMatch(c -> c.text().matches("(?s).*\\b(Warning|Finding|Link|Note)\\s*\\(.*"));
    }

    /** The DRL with the condition of the rule made to fail: the same condition, and a test that never holds. */
    private static String failAt(String drl, String rule, String condition) {
        int start = drl.indexOf("rule \"" + rule + "\"");
        int at = drl.indexOf(condition, start);
        assertThat(at).as(condition + " in " + rule).isGreaterThan(start);
        return drl.substring(0, at) + "( " + condition + " and eval(false) )" + drl.substring(at + condition.length());
    }

    private Expertise load(Map<String, String> sources, String name) throws Exception {
        Path rules = TestSupport.copyTree(Path.of("rules"), tmp.resolve(name));
        for (Map.Entry<String, String> drl : sources.entrySet()) {
            Files.writeString(rules.resolve(Path.of(drl.getKey()).getFileName()), drl.getValue());
        }
        return Expertise.load(rules, name, TestSupport.KB, "knowledge-base");
    }

    @Test
    void aMissingFactIsSaidInWordsAndHeldIsNullAfterTheFailure() throws Exception {
        FactsDocument healthy = new org.exdiag.facts.FactsReader().read(Files.readAllBytes(Path.of("examples/healthy-hosted.yaml")),
                org.exdiag.facts.FactsFormat.YAML);
        Explanation e = new Explainer(expertise).explain(healthy, "MX_INVALID", Explainer.Mode.WHY_NOT, Language.FR);
        assertThat(e.fired()).isFalse();
        Explanation.RuleTrace provider = e.rules().stream().filter(r -> r.rule().equals("Provider says the MX is not valid")).findFirst()
                .orElseThrow();
        assertThat(provider.conditions().get(0).held()).isFalse();
        assertThat(provider.conditions().get(0).facts()).containsExactly("aucun fait Provider : provider n'a pas été sondé, ou n'en contient aucun");
        Explanation.RuleTrace outside = e.rules().stream().filter(r -> r.rule().equals("MX host outside the valid set")).findFirst().orElseThrow();
        Explanation.ConditionTrace last = outside.conditions().get(outside.conditions().size() - 1);
        assertThat(last.held()).isFalse();
        assertThat(last.facts()).anyMatch(f -> f.contains("$host = mx1.mail.ovh.net") && f.contains("$setup = exchange-only"));
        String text = ExplanationWriter.write(e, org.exdiag.report.ReportFormat.TEXT, expertise.wording(Language.FR));
        assertThat(text).startsWith("Pourquoi pas MX_INVALID ?").contains("non essayée");
        assertThat(ExplanationWriter.write(e, org.exdiag.report.ReportFormat.JSON, expertise.wording(Language.EN)))
                .contains("\"held\" : null");
    }
}
