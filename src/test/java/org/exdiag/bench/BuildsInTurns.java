package org.exdiag.bench;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of exdiag measured in one JVM, in turns ({@link InTurns}): {@link EngineBenchmark}'s
 * baseline, report and rulesOnly of each build, loaded by a class loader of its own, take 100 ms slices
 * one after the other on every thread. On this shared machine the same build's figures move by a quarter from one
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
        Object run(int kind) throws Exception {
            return operations[kind].invoke(bench);
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
        double[] perSecond = InTurns.perSecond(builds.length * KINDS.length, threads, SLICE, warmUp, measure,
                turn -> builds[turn / KINDS.length].run(turn % KINDS.length));
        List<String> lines = new ArrayList<>();
        for (int b = 0; b < builds.length; b++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %-13s %d thread(s):", b == 0 ? "A" : "B", facts, threads));
            for (int k = 0; k < KINDS.length; k++) {
                line.append(String.format(Locale.ROOT, " %s %,.0f/s", KINDS[k], perSecond[b * KINDS.length + k]));
            }
            lines.add(line.append(String.format(Locale.ROOT, "; ratio report/baseline %.3f",
                    perSecond[b * KINDS.length + 1] / perSecond[b * KINDS.length])).toString());
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
