package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.exdiag.config.LoadException;
import org.exdiag.Expertise;
import org.exdiag.scenario.ScenarioResult;
import org.exdiag.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code exdiag rules}: for the people who edit rules and texts. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check and test rules and the knowledge base.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (check, test)");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile the rules and load the knowledge base; errors name file and line.")
    static final class Check extends ExdiagCommand {
        @Override
        public Integer call() throws LoadException {
            Expertise e = folders.loadExpertise(err(), false);
            out().printf("ok: %d rules from %s (%s), %d warning codes, %d knowledge-base entries from %s%n",
                    e.rules().ruleNames().size(), e.rules().origin(), e.rules().fingerprint(), e.rules().codes().size(),
                    e.knowledge().entries().size(), e.knowledge().origin());
            return ExitCodes.OK;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = {"Run scenario files: facts and the warnings, root causes and links expected from them.",
                    "Prints one line per failure, then 'N passed, M failed', then the rules no scenario fired."})
    static final class Test extends ExdiagCommand {
        @Parameters(arity = "0..1", paramLabel = "DIR", description = "Scenario folder (default: the rules folder's tests/).")
        Path dir;

        @Override
        public Integer call() throws IOException, LoadException {
            PrintWriter out = out();
            PrintWriter err = err();
            Expertise expertise = folders.loadExpertise(err, false);
            RulesOptions.Folder rules = folders.rulesFolder();
            Path folder = dir != null ? dir : rules.path().resolve("tests");
            String shownFolder = dir != null ? dir.toString() : rules.shown() + "/tests";
            if (!Files.isDirectory(folder)) {
                err.println("error: no scenario folder " + shownFolder);
                return ExitCodes.USAGE;
            }
            ScenarioRunner runner = new ScenarioRunner(expertise);
            org.exdiag.explain.Explainer explainer = new org.exdiag.explain.Explainer(expertise);
            int passed = 0;
            int failed = 0;
            for (Path file : ScenarioRunner.scenarioFiles(folder)) {
                String shown = shownFolder + "/" + folder.relativize(file);
                for (ScenarioResult r : runner.runFile(file, shown)) {
                    if (r.passed()) {
                        passed++;
                    } else {
                        failed++;
                        r.failures().forEach(f -> out.println("FAIL " + r.file() + ": " + r.name() + ": " + f));
                        whyNot(explainer, r, out, err);
                    }
                }
            }
            out.println(passed + " passed, " + failed + " failed");
            List<String> uncovered = runner.uncoveredRules();
            if (!uncovered.isEmpty()) {
                out.println("rules no scenario fired (" + uncovered.size() + "): " + String.join("; ", uncovered));
            }
            return failed > 0 || uncovered.size() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }

        /** Under a scenario that expected a code it did not get: how far each rule that raises it got. */
        private static void whyNot(org.exdiag.explain.Explainer explainer, ScenarioResult r, PrintWriter out, PrintWriter err) {
            if (r.facts() == null) {
                return;
            }
            for (String code : r.missing()) {
                if (!explainer.expertise().rules().codes().contains(code)) {
                    continue;
                }
                try {
                    org.exdiag.explain.Explanation e = explainer.explain(r.facts(), code, org.exdiag.explain.Explainer.Mode.WHY_NOT,
                            org.exdiag.knowledge.Language.EN);
                    String text = org.exdiag.explain.ExplanationWriter.write(e, org.exdiag.report.ReportFormat.TEXT,
                            explainer.expertise().wording(org.exdiag.knowledge.Language.EN));
                    text.lines().forEach(line -> out.println("    " + line));
                } catch (LoadException ex) {
                    err.println("error: cannot explain " + code + ": " + ex.getMessage());
                }
            }
        }
    }
}
