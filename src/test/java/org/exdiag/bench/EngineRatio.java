package org.exdiag.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * The engine ratio (report / baseline) measured so that a shared machine's drift cancels out: the
 * three operations of {@link EngineBenchmark} take turns in short time slices on every thread,
 * instead of running minutes apart as JMH runs them. JMH stays the source of absolute figures and
 * allocation; this gives the ratio. Run: docs/bench/engine.sh.
 */
public final class EngineRatio {
    private static final String[] KINDS = {"baseline", "report", "rulesOnly"};

    private EngineRatio() {
    }

    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 15);
        Duration measure = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 30);
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : cores > 1 ? new int[] {1, cores} : new int[] {1}) {
            for (String facts : new String[] {"healthy", "one-cause", "five-warnings"}) {
                System.out.println(measure(facts, threads, warmUp, measure));
            }
        }
    }

    /** One line: operations per second of each kind, and report / baseline. */
    public static String measure(String facts, int threads, Duration warmUp, Duration measure) throws Exception {
        EngineBenchmark bench = new EngineBenchmark(); // shared by the threads, as JMH's Scope.Benchmark
        bench.facts = facts;
        bench.setUp();
        // The kind changes every 50 ms.
        double[] perSecond = InTurns.perSecond(KINDS.length, threads, Duration.ofMillis(50), warmUp, measure, kind -> switch (kind) {
            case 0 -> bench.baseline();
            case 1 -> bench.report();
            default -> bench.rulesOnly();
        });
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-13s %d thread(s):", facts, threads));
        for (int k = 0; k < KINDS.length; k++) {
            line.append(String.format(Locale.ROOT, " %s %,.0f/s", KINDS[k], perSecond[k]));
        }
        return line.append(String.format(Locale.ROOT, "; ratio report/baseline %.2f", perSecond[1] / perSecond[0])).toString();
    }
}
