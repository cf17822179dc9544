package org.exdiag.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exdiag.config.LoadException;
import org.exdiag.bounce.NdrException;
import org.exdiag.bounce.NdrReader;
import org.exdiag.facts.BounceFacts;
import org.exdiag.facts.FactsDocument;
import org.exdiag.expected.ExpectedValues;
import org.exdiag.knowledge.Language;
import org.exdiag.probe.AccountFlagsFile;
import org.exdiag.probe.AccountSource;
import org.exdiag.probe.AddressPolicy;
import org.exdiag.probe.ClientOptions;
import org.exdiag.probe.client.TrustAnchors;
import org.exdiag.probe.DiagnosticOptions;
import org.exdiag.probe.Diagnostic;
import org.exdiag.probe.DiagnosticSettings;
import org.exdiag.probe.ProbeException;
import org.exdiag.probe.Secret;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;
import org.exdiag.report.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exdiag diagnose}: live probes of a mailbox, then the report. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"Diagnose a live mailbox: DNS, a test email sent from it, a test email delivered to it "
                + "through its MX, logins; then the report.",
                "The password comes from standard input, an environment variable, or a prompt; never from the command line.",
                "Exit 0: report made; 1: some checks could not be made (verdict incomplete); 2: usage error."})
final class DiagnoseCommand extends ExdiagCommand {
    @Mixin
    OutputOptions output = new OutputOptions();

    @Parameters(paramLabel = "MAILBOX", description = "The mailbox to diagnose, e.g. jane@example.com.")
    String mailbox;

    @ArgGroup(exclusive = true)
    PasswordSource password = new PasswordSource();

    static final class PasswordSource {
        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean stdin;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from environment variable VAR.")
        String env;
    }

    @Option(names = "--offer", paramLabel = "hosted|private", description = "The Exchange offer (default: hosted).")
    String offer;

    @Option(names = "--setup", paramLabel = "SETUP",
            description = "exchange-only, with-provider-pop-imap or with-external-pop-imap (default: unknown).")
    String setup;

    @Option(names = "--private-host", paramLabel = "HOST", description = "Private offer: the Exchange server's host name.")
    String privateHost;

    @Option(names = "--sending-ip", paramLabel = "IP", split = ",",
            description = "An address the mailbox's mail leaves from (repeat or separate with commas): its reverse DNS and "
                    + "block-list listings are checked as receivers see them. The private offer's server is checked without it.")
    List<String> sendingIps = new ArrayList<>();

    @Option(names = "--dnsbl", paramLabel = "ZONE", split = ",",
            description = "DNS block lists to ask instead of the rules' expected-values.yaml (e.g. zen.spamhaus.org), or none.")
    List<String> dnsbl = new ArrayList<>();

    @Option(names = "--account-flags", paramLabel = "FILE", description = "Account flags (the facts file's account section) from a file.")
    Path accountFlags;

    @Option(names = "--account-source", paramLabel = "ovh|file|none",
            description = "Where account flags and the provider's diagnosis come from (default: file with --account-flags, "
                    + "else ovh when OVH API keys are set, else none).")
    String accountSource;

    @Mixin
    OvhOptions ovh = new OvhOptions();

    @Option(names = "--save-facts", paramLabel = "FILE", description = "Write the facts (version 2, .json or .yaml) the report was made from.")
    Path saveFacts;

    @Option(names = "--bounce", paramLabel = "FILE",
            description = "A bounce the customer received (repeatable): analyzed with the domain's records probed now.")
    List<Path> bounceFiles = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Bound on the whole diagnostic (default: 120).")
    Integer timeoutSeconds;

    @Option(names = "--receive-timeout", paramLabel = "SECONDS", description = "How long to wait for the inbound test email (default: 60).")
    Integer receiveTimeoutSeconds;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]", description = "Resolver for every lookup (default: the system's).")
    String dns;

    @Option(names = "--smtp", paramLabel = "HOST[:PORT]", description = "Submission server of the outbound test (default: "
            + HOST_PLACEHOLDER + ", port 587, or 465 with implicit TLS).")
    String smtp;

    @Option(names = "--smtp-tls", paramLabel = "starttls|implicit|none", description = "Default: starttls.")
    String smtpTls;

    @Option(names = "--imap", paramLabel = "HOST[:PORT]", description = "IMAP server for the login and receipt check (default: "
            + HOST_PLACEHOLDER + ", port 993, or 143 without implicit TLS).")
    String imap;

    @Option(names = "--imap-tls", paramLabel = "implicit|starttls|none", description = "Default: implicit.")
    String imapTls;

    @Option(names = "--mx-port", paramLabel = "PORT", description = "Port for delivering the inbound test to the MX hosts (default: 25).")
    Integer mxPort;

    @Option(names = "--webmail-url", paramLabel = "URL|none",
            description = "Authentication check URL (default: the Exchange web services URL of " + HOST_PLACEHOLDER
                    + "); none skips it.")
    String webmailUrl;

    @Option(names = "--helo", paramLabel = "NAME", description = "Name given in EHLO (default: exdiag.localdomain).")
    String helo;

    @Option(names = "--dkim-selector", paramLabel = "NAME", description = "A DKIM selector to look up "
            + "(<NAME>._domainkey.<domain>), repeatable; used when the provider's API does not list the domain's selectors.")
    List<String> dkimSelectors = new ArrayList<>();

    @Option(names = "--client", paramLabel = "auto|none",
            description = "auto (default): go Outlook's way (autodiscover in Outlook's order, certificates, an authenticated "
                    + "EWS request); none skips it.")
    String client;

    @Option(names = "--autodiscover-port", paramLabel = "PORT",
            description = "Labs: the port of every https autodiscover URL (default: 443, and the SRV record's port for its target).")
    Integer autodiscoverPort;

    @Option(names = "--autodiscover-http-port", paramLabel = "PORT",
            description = "Labs: the port of the plain-http autodiscover redirect URL (default: 80).")
    Integer autodiscoverHttpPort;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "PEM certificates trusted besides the system's (a lab's or a private CA), repeatable; never turns checking off.")
    List<Path> trust = new ArrayList<>();

    @Option(names = "--allow-credentials", paramLabel = "HOST", split = ",",
            description = "A host that may receive the password besides the provider's servers and the private host (repeatable); "
                    + "the password only ever goes over TLS whose certificate checked out.")
    List<String> allowCredentials = new ArrayList<>();

    private static final String HOST_PLACEHOLDER = "the provider's server (servers.hosted of the rules' expected-values.yaml) or the private host";

    @Override
    public Integer call() throws IOException, LoadException {
        PrintWriter err = err();
        ReportFormat format = output.format(spec.commandLine(), ReportFormat.TEXT);
        Language lang = output.language(spec.commandLine());
        if (!mailbox.contains("@")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "MAILBOX must be an email address");
        }
        Expertise expertise = expertise();
        List<BounceFacts> bounces = new ArrayList<>();
        for (Path file : bounceFiles) {
            try {
                bounces.addAll(NdrReader.read(Files.readAllBytes(file)).bounces());
            } catch (NdrException | IOException e) {
                err.println("error: " + file + ": " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        DiagnosticSettings settings = settings(expertise.rules().expectedValues());
        FactsDocument facts;
        try (Secret secret = readPassword()) {
            Diagnostic diagnostic = new Diagnostic(settings, accountSource(settings),
                    (probe, outcome, took) -> {
                        synchronized (err) {
                            err.printf("  %-22s %s (%d ms)%n", probe, outcome, took.toMillis());
                            err.flush();
                        }
                    }, Clock.systemUTC());
            err.println("exdiag: diagnosing " + mailbox);
            long start = System.nanoTime();
            facts = diagnostic.run(mailbox, secret);
            if (!bounces.isEmpty()) {
                facts = facts.withBounces(bounces);
            }
            err.printf("exdiag: probes done in %.2f s%n", (System.nanoTime() - start) / 1e9);
        } catch (ProbeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (saveFacts != null) {
            writeFacts(facts, saveFacts);
        }
        Report report = expertise.report(facts, lang);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportWriter.write(report, facts, format, expertise.wording(lang)));
        out.flush();
        return report.verdict() == Verdict.INCOMPLETE ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private AccountSource accountSource(DiagnosticSettings settings) throws ProbeException {
        String source = accountSource != null ? accountSource.toLowerCase(Locale.ROOT)
                : accountFlags != null ? "file" : ovh.keysGiven() ? "ovh" : "none";
        switch (source) {
            case "none":
                return null;
            case "file":
                if (accountFlags == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--account-source file needs --account-flags FILE");
                }
                return new AccountFlagsFile(accountFlags);
            case "ovh":
                return ovh.accountSource(spec.commandLine(), settings.connectTimeout(), settings.overallTimeout().dividedBy(2));
            default:
                throw new CommandLine.ParameterException(spec.commandLine(), "--account-source: expected ovh, file or none");
        }
    }

    private Secret readPassword() throws IOException {
        Secret secret;
        if (password.stdin) {
            secret = PasswordInput.fromStream(stdin());
        } else if (password.env != null) {
            secret = PasswordInput.fromEnvironment(password.env);
            if (secret == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "environment variable " + password.env + " is not set");
            }
        } else {
            secret = PasswordInput.prompt(mailbox);
            if (secret == null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "no terminal to ask for the password: use --password-stdin or --password-env VAR");
            }
        }
        return secret;
    }

    private DiagnosticSettings settings(ExpectedValues expected) {
        try {
            DiagnosticSettings probes = new DiagnosticOptions(offer, setup, privateHost, dns, smtp, smtpTls, imap, imapTls, mxPort, webmailUrl,
                    timeoutSeconds, receiveTimeoutSeconds, helo, sendingIps, dnsbl).settings(AddressPolicy.ANY, expected)
                    .withDkimSelectors(dkimSelectors);
            List<java.security.cert.X509Certificate> trusted = new ArrayList<>();
            for (Path file : trust) {
                try {
                    trusted.addAll(TrustAnchors.readPem(file));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("bad trust: " + e.getMessage(), e);
                }
            }
            boolean lab = dns != null || autodiscoverPort != null || autodiscoverHttpPort != null;
            return probes.withClient(new ClientOptions(client, autodiscoverPort, autodiscoverHttpPort, trusted, allowCredentials)
                    .settings(probes, expected, lab));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static void writeFacts(FactsDocument facts, Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? ReportWriter.yaml() : ReportWriter.json();
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(facts) + "\n");
    }
}
