package org.exdiag.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exdiag.batch.Outcome;

/**
 * The batch summary on standard error, and a live count while a person watches. Called from the
 * single thread that writes the output, in input order.
 */
final class Summary {
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final boolean progress;
    private final long start = System.nanoTime();
    private final Map<String, Integer> rootCauses = new TreeMap<>();
    private long documents;
    private long errors;
    private long lastProgress;
    private boolean progressShown;

    Summary(PrintWriter err, boolean progress) {
        this.err = err;
        this.progress = progress;
    }

    /**
     * Whether a person watches standard error. Java cannot ask isatty(2); on Linux the descriptor's link
     * tells (reports usually go to a file while the count stays on the terminal); elsewhere, a console.
     */
    static boolean stderrIsTerminal() {
        return isTerminal(2);
    }

    static boolean stdoutIsTerminal() {
        return isTerminal(1);
    }

    private static boolean isTerminal(int fd) {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    void count(Outcome outcome) {
        documents++;
        if (outcome.failed()) {
            errors++;
        } else {
            outcome.report().rootCauses().forEach(code -> rootCauses.merge(code, 1, Integer::sum));
        }
        long now = System.nanoTime();
        if (progress && now - lastProgress > PROGRESS_EVERY_NANOS) {
            lastProgress = now;
            progressShown = true;
            double seconds = (now - start) / 1e9;
            err.printf("\r[%s] %,d documents, %,d errors, %,.0f/s ", spinner(), documents, errors, documents / Math.max(seconds, 1e-3));
            err.flush();
        }
    }

    private String spinner() {
        return String.valueOf("|/-\\".charAt((int) (documents / 7 % 4)));
    }

    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    long errors() {
        return errors;
    }

    void print() {
        if (progressShown) {
            err.print("\r\033[K");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String causes = rootCauses.isEmpty() ? "none"
                : rootCauses.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        err.printf("exdiag: %s, %s, %s; root causes: %s; %.2f s%n", count(documents, "document"),
                count(documents - errors, "report"), count(errors, "error"), causes, seconds);
        err.flush();
    }
}
