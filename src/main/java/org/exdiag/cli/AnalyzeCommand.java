package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.BatchRecord;
import org.exdiag.batch.Document;
import org.exdiag.batch.DocumentSource;
import org.exdiag.batch.OrderedParallel;
import org.exdiag.batch.Outcome;
import org.exdiag.config.LoadException;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Wording;
import org.exdiag.Expertise;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code exdiag analyze}: reports from captured facts files, one or millions. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Reports from captured facts files (.json, .yaml, .yml), JSON lines files (.jsonl, one "
                + "document a line) and folders (walked recursively); - reads standard input (JSON lines, or "
                + "one JSON or YAML document).",
                "One document in json or yaml: the report alone. Otherwise one JSON line per document, in input "
                        + "order: {\"source\":...,\"report\":{...}} or {\"source\":...,\"error\":{...}}."})
final class AnalyzeCommand extends BatchReportCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Facts files, JSON lines files, folders, or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException, LoadException {
        PrintWriter err = err();
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.JSON);
        Language lang = output.language(spec.commandLine());
        batch.check(spec.commandLine());
        Expertise expertise = expertise();
        FactsReader reader = new FactsReader();
        BatchAnalysis analysis = new BatchAnalysis(reader, expertise, lang);
        // The live count shares the terminal with nothing: not when the reports scroll on it too.
        Summary summary = new Summary(err, Summary.stderrIsTerminal() && (batch.out != null || !Summary.stdoutIsTerminal()));
        Wording words = expertise.wording(lang);
        try (DocumentSource source = new DocumentSource(paths, reader.limits().maxDocumentBytes(), stdin())) {
            Peeking<Document> docs = new Peeking<>(source);
            boolean single = docs.isSingle();
            boolean reportAlone = single && (format == ReportFormat.JSON || format == ReportFormat.YAML);
            boolean lines = !reportAlone && (format != ReportFormat.TEXT && format != ReportFormat.MARKDOWN);
            if (!batch.writeInOrder(docs, DOCUMENTS_PER_TASK, analysis::analyze, o -> render(o, format, words, lines, single),
                    summary::count, out(), err)) {
                return ExitCodes.FAILED;
            }
        }
        summary.print();
        return summary.errors() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** Files and lines are at hand: handing them to the threads 16 at a time saves wake-ups (OrderedParallel). */
    private static final int DOCUMENTS_PER_TASK = 16;

    private String render(Outcome o, ReportFormat format, Wording words, boolean lines, boolean single) {
        if (lines) {
            return BatchRecord.of(o);
        }
        if (!single || format == ReportFormat.TEXT || format == ReportFormat.MARKDOWN) {
            String header = single ? "" : format == ReportFormat.MARKDOWN ? "<!-- " + o.source() + " -->\n" : "== " + o.source() + " ==\n";
            String body = o.failed() ? o.source() + ": error: " + errorText(o) + "\n" : ReportWriter.write(o.report(), o.facts(), format, words);
            return header + body + (single ? "" : "\n");
        }
        return o.failed() ? BatchRecord.of(o) : ReportWriter.write(o.report(), o.facts(), format, words);
    }

    static String errorText(Outcome o) {
        return o.errorMessage() + (o.errorField() == null ? "" : " (field " + o.errorField() + ")");
    }
}
