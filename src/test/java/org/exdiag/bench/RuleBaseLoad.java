package org.exdiag.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.exdiag.engine.RuleSetLoader;

/**
 * How long loading the bundled rules takes when their compiled base is in the cache: what `serve` pays on
 * every reload and a test on every fresh load. The first load of the JVM (cold, class loading) and the
 * median of the last half of {@code N} loads (warm). Run: {@code java -cp ... org.exdiag.bench.RuleBaseLoad [N]}.
 */
public final class RuleBaseLoad {
    private RuleBaseLoad() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            RuleSetLoader.load(Path.of("rules"), "rules");
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(millis, n / 2, n);
        Arrays.sort(warm);
        System.out.printf(Locale.ROOT, "rule set load: first %.0f ms, warm median %.1f ms (of %d loads, last %d)%n",
                millis[0], warm[warm.length / 2], n, warm.length);
    }
}
