package org.exdiag.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** exdiag: diagnoses hosted Exchange mailboxes and says why mail does not work. */
@Command(name = "exdiag", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Diagnoses hosted Microsoft Exchange mailboxes: warnings, their causes, and what to do.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:some input or check failed (the rest was still done)",
                "2:usage error, or rules that do not compile"})
public final class Main implements Runnable {
    /** The commands, in the order help lists them; built on demand (see {@link #commandLine(String)}). */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> all = new LinkedHashMap<>();
        all.put("analyze", AnalyzeCommand::new);
        all.put("diagnose", DiagnoseCommand::new);
        all.put("bounce", BounceCommand::new);
        all.put("sweep", SweepCommand::new);
        all.put("replies", RepliesCommand::new);
        all.put("serve", ServeCommand::new);
        all.put("rules", RulesCommand::new);
        all.put("explain", ExplainCommand::new);
        all.put("help", CommandLine.HelpCommand::new);
        return all;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What the commands read as standard input: the process's, or what a test gives (never swapped globally). */
    private final java.io.InputStream stdin;

    Main(java.io.InputStream stdin) {
        this.stdin = stdin;
    }

    java.io.InputStream stdin() {
        return stdin;
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine(args.length > 0 ? args[0] : null);
        // Reports are UTF-8 whatever the platform's default (Java 17 follows the locale).
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
        cli.setOut(out);
        cli.setErr(new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        out.flush();
        System.exit(code);
    }

    /** Runs a command line and returns its exit code (tests call this, not main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        return commandLine(null, System.in);
    }

    /** The command line, reading {@code stdin} as its standard input. */
    public static CommandLine commandLine(java.io.InputStream stdin) {
        return commandLine(null, stdin);
    }

    static CommandLine commandLine(String first) {
        return commandLine(first, System.in);
    }

    /**
     * The command line. When {@code first} names a command, only that command is built: picocli reads
     * the annotations of every command it is given, a tenth of a second of each start; the others are
     * not needed to run this one. Anything else (no command, a typo, help) gets them all.
     */
    static CommandLine commandLine(String first, java.io.InputStream stdin) {
        CommandLine cli = new CommandLine(new Main(stdin));
        if (first != null && COMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof org.exdiag.config.LoadException) {
                return ExitCodes.USAGE; // rules or texts that do not load: their problems are printed already
            }
            // Only bugs get here; user errors are reported by the commands themselves.
            cmd.getErr().println("exdiag: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.FAILED;
        });
        cli.setParameterExceptionHandler(Main::usageError);
        return cli;
    }

    /**
     * Usage errors name what was wrong without echoing stray arguments: a password typed on the
     * command line by mistake must not be printed back (nor land in a terminal log).
     */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String message = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
                    .map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a).toList();
            message = options.isEmpty() ? "unexpected argument" : "unknown option: " + String.join(", ", options);
        }
        cmd.getErr().println("exdiag: " + message);
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** No command: say which there are, from picocli's own list, so that none is ever left out. */
    @Override
    public void run() {
        String commands = String.join(", ", spec.subcommands().keySet().stream().filter(name -> !name.equals("help")).toList());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (" + commands + ")");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"exdiag " + (v == null ? "(development build)" : v)};
        }
    }
}
