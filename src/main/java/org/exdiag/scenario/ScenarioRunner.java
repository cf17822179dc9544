package org.exdiag.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.exdiag.config.ConfigYaml;
import org.exdiag.engine.Inference;
import org.exdiag.config.LoadException;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWarning;
import org.exdiag.report.ReportWriter;

/**
 * Runs the scenario files of a folder against a rule set and remembers which rules fired, so that
 * a rule no scenario exercises can be named.
 */
public final class ScenarioRunner {
    private final Expertise expertise;
    private final FactsReader reader = new FactsReader();
    private final Set<String> firedRules = ConcurrentHashMap.newKeySet();

    public ScenarioRunner(Expertise expertise) {
        this.expertise = expertise;
    }

    /** Every {@code *.yaml} file of the folder, recursively, in name order. */
    public static List<Path> scenarioFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        }
    }

    public List<ScenarioResult> runFile(Path file, String shown) {
        Scenario.File parsed;
        try {
            parsed = ConfigYaml.read(file, shown, Scenario.File.class);
        } catch (LoadException e) {
            return List.of(new ScenarioResult(shown, "(file)", List.of(e.getMessage())));
        }
        List<ScenarioResult> results = new ArrayList<>();
        List<Scenario> scenarios = parsed.scenarios() == null ? List.of() : parsed.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String name = s.name() == null ? "scenario " + (i + 1) : s.name();
            JsonNode facts = parsed.base() == null ? s.facts() : overlay(parsed.base().deepCopy(), s.facts());
            results.add(result(shown, new Scenario(name, facts, s.expect())));
        }
        return results;
    }

    /** Lays {@code top} over {@code base}: mappings merge, anything else replaces, null removes. */
    static JsonNode overlay(JsonNode base, JsonNode top) {
        if (top == null) {
            return base;
        }
        if (!(base instanceof ObjectNode baseObject) || !top.isObject()) {
            return top;
        }
        top.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                baseObject.remove(field.getKey());
            } else {
                baseObject.set(field.getKey(), overlay(baseObject.get(field.getKey()), field.getValue()));
            }
        });
        return baseObject;
    }

    /** The failures of one scenario; empty when it passes. */
    public List<String> run(Scenario scenario) {
        return result("", scenario).failures();
    }

    private ScenarioResult result(String file, Scenario scenario) {
        if (scenario.facts() == null) {
            return new ScenarioResult(file, scenario.name(), List.of("no facts"));
        }
        FactsDocument facts;
        try {
            facts = reader.read(ReportWriter.json().writeValueAsBytes(scenario.facts()), FactsFormat.JSON);
        } catch (FactsException e) {
            return new ScenarioResult(file, scenario.name(), List.of("facts: " + e.getMessage() + (e.field() == null ? "" : " (field " + e.field() + ")")));
        } catch (JsonProcessingException e) {
            return new ScenarioResult(file, scenario.name(), List.of("facts: " + e.getOriginalMessage()));
        }
        FiredRules listener = new FiredRules();
        Inference inference = expertise.analyzer().analyze(facts, listener);
        Set<String> fired = listener.names();
        firedRules.addAll(fired);
        Report report = expertise.reportBuilder().build(facts, inference, Language.EN);
        List<String> missing = new ArrayList<>();
        if (scenario.expect() != null && scenario.expect().warnings() != null) {
            Set<String> raised = new HashSet<>(report.warnings().stream().map(ReportWarning::code).toList());
            scenario.expect().warnings().stream().filter(c -> !raised.contains(c)).forEach(missing::add);
        }
        return new ScenarioResult(file, scenario.name(), compare(scenario.expect(), report, fired), facts, List.copyOf(missing));
    }

    private static List<String> compare(Scenario.Expected expect, Report report, Set<String> fired) {
        List<String> failures = new ArrayList<>();
        if (expect == null) {
            return List.of("no expect section");
        }
        List<String> codes = report.warnings().stream().map(ReportWarning::code).toList();
        if (expect.warnings() != null && !new TreeSet<>(expect.warnings()).equals(new TreeSet<>(codes))) {
            failures.add("warnings: expected " + new TreeSet<>(expect.warnings()) + ", got " + new TreeSet<>(codes));
        }
        if (expect.rootCauses() != null && !expect.rootCauses().equals(report.rootCauses())) {
            failures.add("root causes: expected " + expect.rootCauses() + ", got " + report.rootCauses());
        }
        if (expect.links() != null) {
            Set<String> got = new TreeSet<>();
            report.warnings().forEach(w -> w.explains().forEach(e -> got.add(w.code() + " -> " + e)));
            Set<String> want = new TreeSet<>();
            expect.links().forEach(l -> want.add(l.replaceAll("\\s*->\\s*", " -> ").strip()));
            if (!want.equals(got)) {
                failures.add("links: expected " + want + ", got " + got);
            }
        }
        if (expect.verdict() != null && !expect.verdict().equals(report.verdict().wire())) {
            failures.add("verdict: expected " + expect.verdict() + ", got " + report.verdict().wire());
        }
        if (expect.rules() != null) {
            for (String rule : expect.rules()) {
                if (!fired.contains(rule)) {
                    failures.add("rule did not fire: " + rule + " (fired: " + new TreeSet<>(fired) + ")");
                }
            }
        }
        if (expect.evidence() != null) {
            List<String> all = report.warnings().stream().flatMap(w -> w.evidence().stream()).toList();
            for (String text : expect.evidence()) {
                if (all.stream().noneMatch(e -> e.contains(text))) {
                    failures.add("no evidence contains \"" + text + "\" (evidence: " + all + ")");
                }
            }
        }
        return failures;
    }

    /** Rules of the rule set (and rows of links.yaml) that no scenario run so far has fired. */
    public List<String> uncoveredRules() {
        List<String> uncovered = new ArrayList<>(expertise.rules().ruleNames());
        uncovered.removeAll(firedRules);
        return uncovered;
    }
}
