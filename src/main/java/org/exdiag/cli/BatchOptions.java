package org.exdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Consumer;
import java.util.function.Function;
import org.exdiag.batch.OrderedParallel;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How a command works through many inputs: on how many threads, and where its records go. */
final class BatchOptions {
    @Option(names = "--jobs", paramLabel = "N", description = "Inputs handled at once (default: all cores, ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output here instead of standard output.")
    Path out;

    void check(CommandLine cli) {
        if (jobs < 1) {
            throw new CommandLine.ParameterException(cli, "--jobs must be at least 1");
        }
    }

    Writer open(PrintWriter stdout) throws IOException {
        return Outputs.open(out, stdout);
    }

    /**
     * Works through {@code items} on all the jobs, {@code perTask} at a time, writing each result's text in
     * input order as soon as it is ready, and telling {@code seen} of each. False, said on {@code err},
     * when the output could not be written.
     */
    <T, R> boolean writeInOrder(Iterator<T> items, int perTask, Function<T, R> work, Function<R, String> text, Consumer<R> seen,
                                PrintWriter stdout, PrintWriter err) throws IOException, InterruptedException {
        try (Writer w = open(stdout)) {
            OrderedParallel.run(items, jobs, perTask, work, r -> {
                seen.accept(r);
                try {
                    w.write(text.apply(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return true;
        } catch (UncheckedIOException e) {
            err.println("exdiag: cannot write the output: " + e.getCause().getMessage());
            return false;
        }
    }
}
