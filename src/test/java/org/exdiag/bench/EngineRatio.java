package org.exdiag.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(worker(bench, warmUp, measure)));
            }
            long[] ops = new long[KINDS.length];
            long[] nanos = new long[KINDS.length];
            for (Future<long[]> f : results) {
                long[] r = f.get();
                for (int k = 0; k < KINDS.length; k++) {
                    ops[k] += r[k];
                    nanos[k] += r[KINDS.length + k];
                }
            }
            double[] perSecond = new double[KINDS.length];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-13s %d thread(s):", facts, threads));
            for (int k = 0; k < KINDS.length; k++) {
                // Threads run side by side: the time of a kind is the mean of its per-thread times.
                perSecond[k] = ops[k] / (nanos[k] / (double) threads / 1e9);
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", KINDS[k], perSecond[k]));
            }
            return line.append(String.format(Locale.ROOT, "; ratio report/baseline %.2f", perSecond[1] / perSecond[0]))
                    .toString();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Ops and nanoseconds per kind; the kind changes every 50 ms, on a clock all threads share. */
    private static Callable<long[]> worker(EngineBenchmark bench, Duration warmUp, Duration measure) {
        return () -> {
            long slice = Duration.ofMillis(50).toNanos();
            long[] counts = new long[KINDS.length * 2];
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + measure.toNanos();
            long sink = 0;
            for (long now = start; now < end; ) {
                int kind = (int) ((now - start) / slice % KINDS.length);
                sink += switch (kind) {
                    case 0 -> bench.baseline().length();
                    case 1 -> bench.report().length();
                    default -> bench.rulesOnly().warnings().size();
                };
                long after = System.nanoTime();
                if (now >= measureFrom) {
                    counts[kind]++;
                    counts[KINDS.length + kind] += after - now;
                }
                now = after;
            }
            if (sink == 42) {
                System.out.print(""); // keeps the results alive for the JIT
            }
            return counts;
        };
    }
}
