package org.exdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.scenario.ScenarioResult;
import org.exdiag.scenario.ScenarioRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every scenario of rules/tests/ as a test, then: every rule was exercised by some scenario. */
class RuleScenariosTest {
    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(TestSupport.expertise());
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = ScenarioRunner.scenarioFiles(TestSupport.RULES.resolve("tests"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (ScenarioResult result : runner.runFile(file, file.toString())) {
                tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + result.name(),
                        () -> assertThat(result.failures()).as(result.name()).isEmpty()));
            }
        }
        tests.add(DynamicTest.dynamicTest("every rule is exercised by a scenario",
                () -> assertThat(runner.uncoveredRules()).as("rules no scenario fired").isEmpty()));
        return tests.stream();
    }
}
