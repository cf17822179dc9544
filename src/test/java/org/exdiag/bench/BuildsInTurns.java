package org.exdiag.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Two builds of exdiag measured in one JVM, in turns: {@link EngineBenchmark}'s baseline, report and
 * rulesOnly of each build, loaded by a class loader of its own, take 100 ms slices one after the
 * other on every thread. On this shared machine the same build's figures move by a quarter from one
 * minute to the next; side by side in one JVM, both builds see the same minutes, so their ratios can be
 * compared. Run: docs/bench/builds.sh [COMMIT].
 * {@code java -cp ... org.exdiag.bench.BuildsInTurns CLASSPATH_A CLASSPATH_B FACTS THREADS SECONDS}.
 */
public final class BuildsInTurns {
    private static final String[] KINDS = {"baseline", "report", "rulesOnly"};
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    private BuildsInTurns() {
    }

    /** One build's benchmark object and its three operations. */
    private record Build(Object bench, Method[] operations) {
        void run(int kind) throws Exception {
            operations[kind].invoke(bench);
        }
    }

    public static void main(String[] args) throws Exception {
        measure(args[0], args[1], args[2], Integer.parseInt(args[3]), WARM_UP, Duration.ofSeconds(Integer.parseInt(args[4])))
                .forEach(System.out::println);
    }

    /** A line per build: operations per second of each kind, and report / baseline. */
    public static List<String> measure(String classPathA, String classPathB, String facts, int threads, Duration warmUp,
                                       Duration measure) throws Exception {
        Build[] builds = {load(classPathA, facts), load(classPathB, facts)};
        int turns = builds.length * KINDS.length;
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
                    for (long now = System.nanoTime(); now < end; ) {
                        int turn = (int) ((now - start) / SLICE.toNanos() % turns);
                        builds[turn / KINDS.length].run(turn % KINDS.length);
                        long after = System.nanoTime();
                        if (now >= from) {
                            counts[turn]++;
                            counts[turns + turn] += after - now;
                        }
                        now = after;
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
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < builds.length; b++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %-13s %d thread(s):", b == 0 ? "A" : "B", facts, threads));
            double[] perSecond = new double[KINDS.length];
            for (int k = 0; k < KINDS.length; k++) {
                int turn = b * KINDS.length + k;
                // Threads run side by side: the time of a turn is the mean of its per-thread times.
                perSecond[k] = total[turn] / (total[turns + turn] / (double) threads / 1e9);
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", KINDS[k], perSecond[k]));
            }
            lines.add(line.append(String.format(Locale.ROOT, "; ratio report/baseline %.3f", perSecond[1] / perSecond[0]))
                    .toString());
        }
        return lines;
    }

    /** The build on {@code classPath} (its own copy of every class, the JDK's aside), set up on {@code facts}. */
    private static Build load(String classPath, String facts) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(":")) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader); // Drools finds its services through it
        try {
            Class<?> type = loader.loadClass(EngineBenchmark.class.getName());
            Object bench = type.getConstructor().newInstance();
            type.getField("facts").set(bench, facts);
            type.getMethod("setUp").invoke(bench);
            Method[] operations = new Method[KINDS.length];
            for (int k = 0; k < KINDS.length; k++) {
                operations[k] = type.getMethod(KINDS[k]);
            }
            return new Build(bench, operations);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
