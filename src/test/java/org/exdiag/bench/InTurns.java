package org.exdiag.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Operations that take turns in time slices on every thread, the turn set by one clock all threads
 * share: operations compared this way see the same minutes of a shared machine, whose speed drifts
 * from one minute to the next (EngineRatio's kinds of work; BuildsInTurns' two builds).
 */
final class InTurns {
    /** One operation of turn {@code turn}; what it returns is kept alive, so that the JIT cannot drop the work. */
    interface Operation {
        Object run(int turn) throws Exception;
    }

    private InTurns() {
    }

    /** For each turn, operations per second (the threads' times averaged: they run side by side). */
    static double[] perSecond(int turns, int threads, Duration slice, Duration warmUp, Duration measure, Operation operation)
            throws Exception {
        long start = System.nanoTime();
        long from = start + warmUp.toNanos();
        long end = from + measure.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long[] total = new long[turns * 2]; // operations, then nanoseconds, per turn
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    long[] counts = new long[turns * 2];
                    int sink = 0;
                    for (long now = System.nanoTime(); now < end; ) {
                        int turn = (int) ((now - start) / slice.toNanos() % turns);
                        sink += System.identityHashCode(operation.run(turn));
                        long after = System.nanoTime();
                        if (now >= from) {
                            counts[turn]++;
                            counts[turns + turn] += after - now;
                        }
                        now = after;
                    }
                    if (sink == 42) {
                        System.out.print(""); // keeps the results alive for the JIT
                    }
                    return counts;
                }));
            }
            for (Future<long[]> f : results) {
                long[] counts = f.get();
                for (int i = 0; i < total.length; i++) {
                    total[i] += counts[i];
                }
            }
        } finally {
            pool.shutdownNow();
        }
        double[] perSecond = new double[turns];
        for (int turn = 0; turn < turns; turn++) {
            perSecond[turn] = total[turn] / (total[turns + turn] / (double) threads / 1e9);
        }
        return perSecond;
    }
}
