package org.exdiag.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * What every command that reads rules shares: its picocli spec, the rules and knowledge-base folders,
 * and the standard input of the command line it runs in. Rules that do not load stop the command with
 * exit code 2, their problems printed ({@link Main}'s handler).
 */
abstract class ExdiagCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RulesOptions folders = new RulesOptions();

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Standard input: the process's, or what a test gave the command line. */
    InputStream stdin() {
        return ((Main) spec.root().userObject()).stdin();
    }

    /** The rules and knowledge base, saying which folders are in use; problems end the command (exit code 2). */
    Expertise expertise() throws LoadException {
        return folders.loadExpertise(err(), true);
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
