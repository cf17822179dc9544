package org.exdiag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** exdiag: diagnoses hosted Exchange mailboxes and says why mail does not work. */
@Command(name = "exdiag", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Diagnoses hosted Microsoft Exchange mailboxes: warnings, their causes, and what to do.",
        subcommands = {AnalyzeCommand.class, RulesCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:some input or check failed (the rest was still done)",
                "2:usage error, or rules that do not compile"})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (tests call this, not main). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            // Only bugs get here; user errors are reported by the commands themselves.
            cmd.getErr().println("exdiag: internal error: " + ex);
            ex.printStackTrace(cmd.getErr());
            return ExitCodes.FAILED;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (analyze, rules)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"exdiag " + (v == null ? "(development build)" : v)};
        }
    }
}
