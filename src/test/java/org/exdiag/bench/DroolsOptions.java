package org.exdiag.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.exdiag.Expertise;

/**
 * Drools options against the defaults on the bundled rules: two rule bases in one JVM, one built with
 * the system properties given (read when a rule base is configured), the other without, measured in turns
 * (the examples, then the healthy example with 100 replies; one thread) so that the machine's drift
 * falls on both.
 * Run with the compiled-rules cache off, so that both are compiled:
 * {@code java -Dexdiag.cache.dir=off -cp ... org.exdiag.bench.DroolsOptions drools.indexLeftBetaMemory=false,... [ROUNDS]}.
 */
public final class DroolsOptions {
    private DroolsOptions() {
    }

    public static void main(String[] args) throws Exception {
        String options = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Expertise[] bases = {load(""), load(options)};
        String[] names = {"defaults", options};
        compare("examples", List.copyOf(Scaling.examples()), bases, names, rounds);
        compare("100 replies", List.of(Scaling.withReplies(100, Scaling.realReplies())), bases, names, rounds);
    }

    private static void compare(String docsName, List<byte[]> docs, Expertise[] bases, String[] names, int rounds)
            throws Exception {
        for (Expertise e : bases) {
            Scaling.microsPerAnalysis(e, docs, 4); // warm-up
        }
        double[][] micros = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < 2; k++) {
                micros[k][round] = Scaling.microsPerAnalysis(bases[k], docs, 2);
            }
        }
        for (int k = 0; k < 2; k++) {
            double[] sorted = micros[k].clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "%s, %s: median %.1f us an analysis, rounds %s%n", docsName, names[k],
                    sorted[rounds / 2], Arrays.toString(micros[k]));
        }
    }

    private static Expertise load(String options) throws Exception {
        List<String> set = new ArrayList<>();
        for (String option : options.split(",")) {
            if (!option.isBlank()) {
                String[] kv = option.split("=", 2);
                System.setProperty(kv[0], kv[1]);
                set.add(kv[0]);
            }
        }
        try {
            return Expertise.load(Path.of("rules"), "rules", Path.of("knowledge-base"), "knowledge-base");
        } finally {
            set.forEach(System::clearProperty);
        }
    }
}
