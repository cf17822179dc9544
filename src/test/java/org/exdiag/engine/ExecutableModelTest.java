package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.scenario.ScenarioResult;
import org.exdiag.scenario.ScenarioRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled rules come from the executable model built with the application, wherever the folder is;
 * rules edited on disk are compiled (and cached) as before; and both rule bases conclude alike: on
 * every example, and on every scenario (which RuleScenariosTest runs on the model).
 */
class ExecutableModelTest {
    @TempDir
    Path dir;

    @Test
    void theBundledRulesComeFromTheModelWhereverTheFolderIs() throws Exception {
        Path cacheFolder = dir.resolve("cache");
        CompiledRuleCache cache = CompiledRuleCache.at(cacheFolder);
        RuleSetLoader.load(TestSupport.RULES, "rules", cache);
        Path copy = TestSupport.copyTree(TestSupport.RULES, dir.resolve("my-rules"));
        RuleSet elsewhere = RuleSetLoader.load(copy, "my-rules", cache);
        assertThat(Files.exists(cacheFolder) ? TestSupport.cacheEntries(cacheFolder) : List.of()).as("nothing compiled, nothing cached")
                .isEmpty();
        assertThat(elsewhere.catalog().rules()).as("the catalog names the files as this load does").hasSizeGreaterThan(100)
                .allMatch(r -> r.file().startsWith("my-rules/") && r.line() > 0);
    }

    @Test
    void editedRulesAreCompiledAndBothRuleBasesConcludeAlike() throws Exception {
        Path cacheFolder = dir.resolve("cache");
        CompiledRuleCache cache = CompiledRuleCache.at(cacheFolder);
        Path edited = TestSupport.compiledCopyOfRules(dir.resolve("edited"));
        RuleSet compiled = RuleSetLoader.load(edited, "rules", cache);
        assertThat(TestSupport.cacheEntries(cacheFolder)).as("an edited folder is compiled and cached").hasSize(1);
        RuleSet model = RuleSetLoader.load(TestSupport.RULES, "rules", cache);
        assertThat(compiled.ruleNames()).isEqualTo(model.ruleNames());
        assertThat(compiled.catalog()).as("rules, files, lines, what they emit").isEqualTo(model.catalog());

        Analyzer fromModel = new Analyzer(model);
        Analyzer fromDrl = new Analyzer(compiled);
        int compared = 0;
        for (FactsDocument doc : examples()) {
            Inference a = fromModel.analyze(doc);
            Inference b = fromDrl.analyze(doc);
            assertThat(a.findings()).as(doc.mailbox()).containsExactlyInAnyOrderElementsOf(b.findings());
            assertThat(a.links()).as(doc.mailbox()).containsExactlyInAnyOrderElementsOf(b.links());
            assertThat(a.notes()).as(doc.mailbox()).containsExactlyInAnyOrderElementsOf(b.notes());
            assertThat(a.replyClasses()).as(doc.mailbox()).containsExactlyInAnyOrderElementsOf(b.replyClasses());
            compared++;
        }
        assertThat(compared).isGreaterThan(30);

        ScenarioRunner runner = new ScenarioRunner(new Expertise(compiled, TestSupport.expertise().knowledge()));
        List<String> failures = new ArrayList<>();
        int scenarios = 0;
        for (Path file : ScenarioRunner.scenarioFiles(TestSupport.RULES.resolve("tests"))) {
            for (ScenarioResult result : runner.runFile(file, file.toString())) {
                result.failures().forEach(f -> failures.add(file.getFileName() + ": " + result.name() + ": " + f));
                scenarios++;
            }
        }
        assertThat(failures).as("the scenarios on the compiled rules").isEmpty();
        assertThat(scenarios).isGreaterThan(150);
    }

    private static List<FactsDocument> examples() throws Exception {
        FactsReader reader = new FactsReader();
        List<FactsDocument> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".jsonl")).sorted().toList()) {
                docs.add(reader.read(Files.readAllBytes(f), FactsFormat.forFileName(f.toString()).orElseThrow()));
            }
        }
        return docs;
    }
}
