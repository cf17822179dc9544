package org.exdiag.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.knowledge.Language;
import org.exdiag.sweep.DoneDomains;
import org.exdiag.sweep.Sweep;
import org.exdiag.sweep.SweepInput;
import org.exdiag.sweep.SweepLines;
import org.exdiag.sweep.SweepOptions;
import org.exdiag.sweep.SweepSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exdiag sweep}: every customer domain's DNS checked, before its owner calls. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Check many domains from DNS alone (no mailbox, no password): MX, autodiscover SRV and host, SPF "
                + "(evaluated), DMARC, DKIM (the selectors given), and whether a wildcard answers for any name, through the same rules as diagnose.",
                "Input: one domain a line, domain[,offer[,mailSetup[,privateHost]]], or JSON lines {\"domain\", \"offer\", "
                        + "\"mailSetup\", \"privateHost\", \"dkimSelectors\"}; blank lines and # comments are skipped.",
                "Output: one JSON line per domain, in input order: {\"domain\":...,\"report\":{...},\"facts\":{...}}; a bad line "
                        + "gives {\"source\":\"FILE:LINE\",\"error\":{\"message\":...}} and the rest go on. Progress and a summary go "
                        + "to standard error. Exit code 1 when some domain could not be checked (a lookup timed out or failed) "
                        + "or some line was not a domain."})
final class SweepCommand extends ExdiagCommand {
    @Parameters(index = "0", paramLabel = "FILE|-", description = "The domains, or - for standard input.")
    String input;

    @Option(names = "--concurrency", paramLabel = "N", description = "Domains checked at once (default: 64).")
    int concurrency = SweepSettings.DEFAULT_CONCURRENCY;

    @Option(names = "--rate", paramLabel = "QPS",
            description = "DNS queries per second at most, for the whole sweep, retries included (default: 200).")
    int rate = SweepSettings.DEFAULT_RATE;

    @Mixin
    SweepDnsOptions dns = new SweepDnsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the records here instead of standard output.")
    Path out;

    @Option(names = "--resume", paramLabel = "OUT",
            description = "Skip the domains OUT already holds and append the others to it (a sweep stopped half-way goes on).")
    Path resume;

    @Mixin
    SweepLineDefaults lineDefaults = new SweepLineDefaults();

    @Option(names = "--lang", paramLabel = "en|fr", defaultValue = "en", description = "Language of the reports (default: ${DEFAULT-VALUE}).")
    String lang;

    @Override
    public Integer call() throws IOException, InterruptedException, LoadException {
        PrintWriter err = err();
        SweepOptions options = options();
        SweepSettings settings = options.settings();
        SweepInput defaults = options.input();
        Language language = language();
        if (resume != null && out != null && !out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
            throw usage("--resume appends to its own file: leave --out out, or give the same file");
        }
        Expertise expertise = expertise();
        DoneDomains done = resume == null ? DoneDomains.NONE : DoneDomains.read(resume);
        if (resume != null) {
            done.trimPartialLine(resume);
            err.printf("exdiag: resuming: %,d domains already in %s%n", done.size(), resume);
        }
        InputStream in = open(err);
        if (in == null) {
            return ExitCodes.USAGE;
        }
        try (SweepLines lines = new SweepLines(input.equals("-") ? "stdin" : input, in, defaults, done);
             Sweep sweep = new Sweep(expertise, language, settings); Writer w = output()) {
            // The live line shares the terminal with nothing: not when the records scroll on it too.
            boolean live = Summary.stderrIsTerminal() && (out != null || resume != null || !Summary.stdoutIsTerminal());
            SweepSummary summary = new SweepSummary(err, live, sweep.dns());
            try {
                sweep.run(lines, o -> {
                    summary.count(o);
                    try {
                        w.write(o.jsonLine());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                w.flush();
            } catch (UncheckedIOException e) {
                err.println("exdiag: cannot write the output: " + e.getCause().getMessage());
                return ExitCodes.FAILED;
            }
            summary.print(lines.skipped());
            return summary.anyUnchecked() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** The options as every sweep takes them; a bad value is a usage error that names it. */
    private SweepOptions options() {
        try {
            return dns.sweepOptions(concurrency, rate, lineDefaults);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private Language language() {
        try {
            return Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** The input, or null (said on {@code err}) when the file cannot be opened. */
    private InputStream open(PrintWriter err) throws IOException {
        if (input.equals("-")) {
            return stdin();
        }
        try {
            return Files.newInputStream(Path.of(input));
        } catch (NoSuchFileException e) {
            err.println("error: " + input + ": no such file");
            return null;
        } catch (IOException e) {
            err.println("error: " + input + ": cannot read: " + e.getMessage());
            return null;
        }
    }

    /** --resume's file appended to, --out's file replaced, or standard output. */
    private Writer output() throws IOException {
        if (resume != null) {
            return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(resume, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), StandardCharsets.UTF_8), 1 << 16);
        }
        return Outputs.open(out, out());
    }
}
