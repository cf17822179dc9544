package org.exdiag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.exdiag.Expertise;
import org.exdiag.bounce.Bounces;
import org.exdiag.bounce.NdrException;
import org.exdiag.bounce.NdrReader;
import org.exdiag.config.LoadException;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.Report;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exdiag bounce}: what a forwarded non-delivery report means, alone or with a saved diagnostic. */
@Command(name = "bounce", mixinStandardHelpOptions = true,
        description = {"Explain a bounce the customer received: a whole non-delivery message (.eml, a DSN, an Exchange NDR, "
                + "a Gmail, Postfix or Exim bounce) or just the remote server's text, from FILE or standard input (-).",
                "With --facts, the bounce is added to a saved diagnostic, so that the domain's records seen then can explain it."})
final class BounceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions folders = new RulesOptions();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(paramLabel = "FILE|-", description = "The bounce: a message file, a pasted text, or - for standard input.")
    String input;

    @Option(names = "--facts", paramLabel = "SAVED", description = "A saved diagnostic (.json or .yaml) to add the bounce to.")
    Path facts;

    @Option(names = "--mailbox", paramLabel = "ADDRESS",
            description = "The customer's mailbox (default: the one the bounce was sent to, or the saved diagnostic's).")
    String mailbox;

    @Option(names = "--save-facts", paramLabel = "FILE", description = "Write the facts with the bounce (version 2, .json or .yaml).")
    Path saveFacts;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.TEXT);
        Language lang = output.language(spec.commandLine());
        byte[] ndr = readInput();
        List<BounceFacts> bounces;
        try {
            bounces = NdrReader.read(ndr);
        } catch (NdrException e) {
            err.println("error: " + input + ": " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (bounces.isEmpty()) {
            err.println("error: " + input + ": no refusal found in it (is it a bounce?)");
            return ExitCodes.FAILED;
        }
        FactsDocument saved = null;
        if (facts != null) {
            try {
                saved = new FactsReader().read(Files.readAllBytes(facts), FactsFormat.forFileName(facts.toString()).orElse(FactsFormat.YAML));
            } catch (FactsException e) {
                err.println("error: " + facts + ": " + e.getMessage() + (e.field() == null ? "" : " (field " + e.field() + ")"));
                return ExitCodes.FAILED;
            }
        }
        String who = mailbox != null ? mailbox : saved != null ? saved.mailbox() : NdrReader.addressedTo(ndr);
        if (who == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "whose mailbox is it? The bounce does not say: give --mailbox ADDRESS (or --facts SAVED)");
        }
        Expertise expertise;
        try {
            expertise = folders.loadExpertise(err, true);
        } catch (LoadException e) {
            return ExitCodes.USAGE;
        }
        FactsDocument withBounces;
        try {
            withBounces = Bounces.attach(saved, who, bounces, Instant.now());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("exdiag: " + bounces.size() + " refusal" + (bounces.size() == 1 ? "" : "s") + " read from " + input);
        if (saveFacts != null) {
            DiagnoseCommand.writeFacts(withBounces, saveFacts);
        }
        Report report = expertise.report(withBounces, lang);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportWriter.write(report, withBounces, format, expertise.wording(lang)));
        out.flush();
        return ExitCodes.OK;
    }

    private byte[] readInput() throws IOException {
        if (input.equals("-")) {
            InputStream in = System.in;
            return in.readNBytes(NdrReader.MAX_BYTES + 1);
        }
        Path file = Path.of(input);
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + input);
        }
        if (Files.size(file) > NdrReader.MAX_BYTES) {
            throw new CommandLine.ParameterException(spec.commandLine(), input + ": larger than " + NdrReader.MAX_BYTES + " bytes: not a bounce");
        }
        return Files.readAllBytes(file);
    }
}
