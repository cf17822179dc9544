package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.exdiag.Expertise;
import org.exdiag.bounce.BounceAnalysis;
import org.exdiag.bounce.BounceOutcome;
import org.exdiag.bounce.MessageSource;
import org.exdiag.config.LoadException;
import org.exdiag.facts.DnsFacts;
import org.exdiag.facts.Expectation;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsException;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.facts.Offer;
import org.exdiag.knowledge.Language;
import org.exdiag.knowledge.Wording;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.DomainRecordsLookup;
import org.exdiag.probe.Endpoint;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exdiag bounce}: what forwarded non-delivery reports mean, one or a whole mailbox of them. */
@Command(name = "bounce", mixinStandardHelpOptions = true,
        description = {"Explain the bounces the customer received: message files (.eml, a DSN, an Exchange NDR, the bounce "
                + "of any mail system), pasted text, folders (in name order), mbox files and maildirs, or - for standard input.",
                "One message: its report. Several: one JSON line per message, in input order: {\"source\":...,\"report\":{...}}, "
                        + "{\"source\":...,\"error\":{\"message\":...}} or {\"source\":...,\"skipped\":\"not a bounce\"} (auto-replies, "
                        + "notices of delivery or delay). A summary goes to standard error.",
                "The domain's SPF, DMARC and autodiscover records (and DKIM, with --dkim-selector) are looked up in DNS, so that "
                        + "the record at fault explains the bounce; with --facts, the bounces are added to a saved diagnostic, and the "
                        + "records it holds are used instead."})
final class BounceCommand extends BatchReportCommand {
    @Parameters(arity = "1..*", paramLabel = "PATH",
            description = "Message files, pasted texts, folders, mbox files, maildirs, or - for standard input.")
    List<String> paths = new ArrayList<>();

    @Option(names = "--facts", paramLabel = "SAVED", description = "A saved diagnostic (.json or .yaml) to add the bounces to.")
    Path facts;

    @Option(names = "--mailbox", paramLabel = "ADDRESS",
            description = "The customer's mailbox (default: the one the bounce names, or the saved diagnostic's; none when neither does).")
    String mailbox;

    @Option(names = "--save-facts", paramLabel = "FILE", description = "Write the facts with the bounce (one message only; .json or .yaml).")
    Path saveFacts;

    @Option(names = "--no-lookup", description = "Do not look the domain's records up in DNS (the bounce alone, or the saved ones).")
    boolean noLookup;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Resolver for the lookups (default: the system's).")
    String dns;

    @Option(names = "--dkim-selector", paramLabel = "NAME", description = "A DKIM selector to look up, repeatable.")
    List<String> dkimSelectors = new ArrayList<>();

    @Option(names = "--private-host", paramLabel = "HOST",
            description = "Private offer: the Exchange server, whose addresses the SPF policy must authorize (default: hosted).")
    String privateHost;

    @Override
    public Integer call() throws IOException, InterruptedException, LoadException {
        PrintWriter err = err();
        Language lang = output.language(spec.commandLine());
        batch.check(spec.commandLine());
        checkMailbox();
        FactsDocument saved = null;
        if (facts != null) {
            try {
                saved = new FactsReader().read(Files.readAllBytes(facts), FactsFormat.forFileName(facts.toString()).orElse(FactsFormat.YAML));
            } catch (FactsException e) {
                err.println("error: " + facts + ": " + e.getMessage() + (e.field() == null ? "" : " (field " + e.field() + ")"));
                return ExitCodes.FAILED;
            }
        }
        Expertise expertise = expertise();
        UnaryOperator<FactsDocument> lookups = noLookup ? UnaryOperator.identity() : new RecordLookups(expertise, err);
        BounceAnalysis analysis = new BounceAnalysis(expertise, lang, mailbox, saved, lookups);
        try (MessageSource source = new MessageSource(paths, stdin())) {
            Peeking<MessageSource.Message> messages = new Peeking<>(source);
            if (messages.isSingle()) {
                return one(analysis.analyze(messages.next()), expertise.wording(lang), err);
            }
            if (saveFacts != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--save-facts takes one message; these paths hold several");
            }
            return many(messages, analysis, expertise, lang, err);
        }
    }

    private void checkMailbox() {
        if (mailbox == null) {
            return;
        }
        try {
            FactsDocument.ofBounces(mailbox, Instant.EPOCH, List.of());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mailbox: " + e.getMessage());
        }
    }

    /** One message: its report as the format asks, "not a bounce" said on standard error. */
    private int one(BounceOutcome outcome, Wording words, PrintWriter err) throws IOException {
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.TEXT);
        if (outcome.failed()) {
            err.println("error: " + outcome.source() + ": " + outcome.error());
            return ExitCodes.FAILED;
        }
        try (Writer w = batch.open(out())) {
            if (outcome.isSkipped()) {
                err.println("exdiag: " + outcome.source() + ": " + BounceOutcome.NOT_A_BOUNCE + " (" + outcome.skipped() + ")");
                if (format == ReportFormat.JSON || format == ReportFormat.JSONL) {
                    w.write(outcome.jsonLine());
                }
                return ExitCodes.OK;
            }
            int refusals = outcome.facts().bouncesOrEmpty().size();
            err.println("exdiag: " + refusals + " refusal" + (refusals == 1 ? "" : "s") + " read from " + outcome.source()
                    + (outcome.facts().mailbox() == null ? " (no address of the customer's in it: --mailbox names one)" : ""));
            if (saveFacts != null) {
                DiagnoseCommand.writeFacts(outcome.facts(), saveFacts);
            }
            w.write(format == ReportFormat.JSONL ? outcome.jsonLine() : ReportWriter.write(outcome.report(), outcome.facts(), format, words));
        }
        return ExitCodes.OK;
    }

    /** Several messages: one record each, in input order, on all cores; the summary on standard error. */
    private int many(Peeking<MessageSource.Message> messages, BounceAnalysis analysis, Expertise expertise, Language lang,
                     PrintWriter err) throws IOException, InterruptedException {
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.JSONL);
        boolean lines = format != ReportFormat.TEXT && format != ReportFormat.MARKDOWN;
        Wording words = expertise.wording(lang);
        BounceSummary summary = new BounceSummary(err, expertise.rules().replies(),
                Summary.stderrIsTerminal() && (batch.out != null || !Summary.stdoutIsTerminal()));
        if (!batch.writeInOrder(messages, 4, analysis::analyze, o -> lines ? o.jsonLine() : text(o, format, words), summary::count,
                out(), err)) {
            return ExitCodes.FAILED;
        }
        summary.print();
        return summary.errors() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static String text(BounceOutcome o, ReportFormat format, Wording words) {
        String header = format == ReportFormat.MARKDOWN ? "<!-- " + o.source() + " -->\n" : "== " + o.source() + " ==\n";
        String body = o.failed() ? o.source() + ": error: " + o.error() + "\n"
                : o.isSkipped() ? o.source() + ": " + BounceOutcome.NOT_A_BOUNCE + " (" + o.skipped() + ")\n"
                : ReportWriter.write(o.report(), o.facts(), format, words);
        return header + body + "\n";
    }

    /** The domain's records from DNS, where the facts hold none (a saved diagnostic's own records win); once per domain. */
    private final class RecordLookups implements UnaryOperator<FactsDocument> {
        private final Expertise expertise;
        private final PrintWriter err;
        private final Endpoint resolver;
        private final Expectation privateOffer;
        private final Map<String, DnsFacts> byDomain = new ConcurrentHashMap<>();

        RecordLookups(Expertise expertise, PrintWriter err) {
            this.expertise = expertise;
            this.err = err;
            try {
                this.resolver = dns == null ? null : Endpoint.parse(dns, 53);
                this.privateOffer = privateHost == null ? null : new Expectation(Offer.PRIVATE, null, privateHost);
                DiagnosticSettings.checkDkimSelectors(dkimSelectors);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        @Override
        public FactsDocument apply(FactsDocument doc) {
            DnsFacts saved = doc.dns();
            String domain = doc.domainChecked();
            if (domain == null || saved != null && saved.spf() != null && saved.dmarc() != null && saved.autodiscoverHost() != null
                    && (saved.dkim() != null || dkimSelectors.isEmpty())) {
                return doc;
            }
            Expectation expect = privateOffer != null ? privateOffer
                    : doc.expect() != null ? doc.expect() : new Expectation(Offer.HOSTED, null, null);
            String d = domain.toLowerCase(java.util.Locale.ROOT);
            DnsFacts looked = byDomain.computeIfAbsent(d + " " + expect, key -> {
                synchronized (err) {
                    err.println("exdiag: looking up the records of " + d + (resolver == null ? "" : " at " + resolver));
                    err.flush();
                }
                return DomainRecordsLookup.lookUp(d, expect, resolver, Duration.ofSeconds(3), Duration.ofSeconds(10),
                        expertise.rules().expectedValues().spfDomains(), dkimSelectors);
            });
            return doc.withDomainRecords(looked);
        }
    }
}
