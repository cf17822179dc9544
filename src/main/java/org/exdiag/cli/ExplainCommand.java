package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.explain.Explainer;
import org.exdiag.explain.Explanation;
import org.exdiag.explain.ExplanationWriter;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportFormat;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exdiag explain}: why a warning was raised on a facts file, or why it was not, condition by condition. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Why a warning code was raised on a facts file (--why), or why it was not (--why-not): each rule that "
                + "raises it, its conditions in order, whether each held, and the facts each matched or compared.",
                "Works on the rules as they are on disk; nothing is added to them."})
final class ExplainCommand extends ExdiagCommand {
    @Mixin
    OutputOptions output = new OutputOptions();

    static final class Question {
        @Option(names = "--why", paramLabel = "CODE", description = "Which rules raised CODE, and on which facts.")
        String why;

        @Option(names = "--why-not", paramLabel = "CODE", description = "How far each rule that can raise CODE got, and where it stopped.")
        String whyNot;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Question question;

    @Parameters(paramLabel = "FACTS", description = "A facts file (.json or .yaml).")
    Path facts;

    @Override
    public Integer call() throws IOException, LoadException {
        PrintWriter err = err();
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.TEXT);
        Language lang = output.language(spec.commandLine());
        Explainer.Mode mode = question.why != null ? Explainer.Mode.WHY : Explainer.Mode.WHY_NOT;
        String code = (question.why != null ? question.why : question.whyNot).strip().toUpperCase(Locale.ROOT);
        if (!Files.isRegularFile(facts)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + facts);
        }
        FactsDocument doc;
        try {
            doc = new FactsReader().read(Files.readAllBytes(facts), FactsFormat.forFileName(facts.toString()).orElse(FactsFormat.YAML));
        } catch (FactsException e) {
            err.println("error: " + facts + ": " + e.getMessage() + (e.field() == null ? "" : " (field " + e.field() + ")"));
            return ExitCodes.FAILED;
        }
        Expertise expertise = folders.loadExpertise(err, false);
        if (!expertise.rules().codes().contains(code)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no rule raises " + code
                    + " (the codes: " + String.join(", ", new java.util.TreeSet<>(expertise.rules().codes())) + ")");
        }
        Explanation explanation;
        try {
            explanation = new Explainer(expertise).explain(doc, code, mode, lang);
        } catch (LoadException e) {
            e.problems().forEach(p -> err.println("error: " + p));
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ExplanationWriter.write(explanation, format, expertise.wording(lang)));
        out.flush();
        return ExitCodes.OK;
    }
}
