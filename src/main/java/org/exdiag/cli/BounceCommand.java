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
import java.time.Duration;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.Offer;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.DomainRecordsLookup;
import org.exdiag.probe.Endpoint;
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
                "The domain's SPF, DMARC and autodiscover records (and DKIM, with --dkim-selector) are looked up in DNS, so that "
                        + "the record at fault explains the bounce; with --facts, the bounce is added to a saved diagnostic, and the "
                        + "records it holds are used instead."})
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

    @Option(names = "--no-lookup", description = "Do not look the domain's records up in DNS (the bounce alone, or the saved ones).")
    boolean noLookup;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Resolver for the lookups (default: the system's).")
    String dns;

    @Option(names = "--dkim-selector", paramLabel = "NAME", description = "A DKIM selector to look up, repeatable.")
    List<String> dkimSelectors = new java.util.ArrayList<>();

    @Option(names = "--private-host", paramLabel = "HOST",
            description = "Private offer: the Exchange server, whose addresses the SPF policy must authorize (default: hosted).")
    String privateHost;

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
        if (!noLookup) {
            withBounces = withRecordsLookedUp(withBounces, expertise, err);
        }
        if (saveFacts != null) {
            DiagnoseCommand.writeFacts(withBounces, saveFacts);
        }
        Report report = expertise.report(withBounces, lang);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportWriter.write(report, withBounces, format, expertise.wording(lang)));
        out.flush();
        return ExitCodes.OK;
    }

    /** The domain's records from DNS, where the facts hold none (a saved diagnostic's own records win). */
    private FactsDocument withRecordsLookedUp(FactsDocument doc, Expertise expertise, PrintWriter err) {
        DnsFacts saved = doc.dns();
        if (saved != null && saved.spf() != null && saved.dmarc() != null && saved.autodiscoverHost() != null
                && (saved.dkim() != null || dkimSelectors.isEmpty())) {
            return doc;
        }
        Expectation expect;
        Endpoint resolver;
        try {
            expect = privateHost != null ? new Expectation(Offer.PRIVATE, null, privateHost)
                    : doc.expect() != null ? doc.expect() : new Expectation(Offer.HOSTED, null, null);
            resolver = dns == null ? null : Endpoint.parse(dns, 53);
            DiagnosticSettings.checkDkimSelectors(dkimSelectors);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String domain = doc.mailbox().substring(doc.mailbox().lastIndexOf('@') + 1);
        err.println("exdiag: looking up the records of " + domain + (resolver == null ? "" : " at " + resolver));
        DnsFacts looked = DomainRecordsLookup.lookUp(domain, expect, resolver, Duration.ofSeconds(3), Duration.ofSeconds(10),
                expertise.rules().expectedValues().spfDomains(), dkimSelectors);
        return doc.withDomainRecords(looked);
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
