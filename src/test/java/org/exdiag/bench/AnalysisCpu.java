package org.exdiag.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.ReportWriter;

/**
 * CPU time of the analyze route's own work (read the JSON facts, run the rules, join the knowledge
 * base, write the JSON report) with no HTTP around it, on as many threads as the server runs: the
 * part of an analyze request's cost that HttpFloor leaves out. docs/bench/http.sh prints it beside
 * the server's CPU per request. Run: {@code java -cp ... org.exdiag.bench.AnalysisCpu FACTS.json [threads]}.
 */
public final class AnalysisCpu {
    private AnalysisCpu() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors() * 2 + 6;
        System.out.println(measure(Path.of(args[0]), threads, Duration.ofSeconds(20), Duration.ofSeconds(20)));
    }

    /** One line: analyses per second, and CPU microseconds per analysis spent on the analyzing threads. */
    public static String measure(Path factsFile, int threads, Duration warmUp, Duration measure) throws Exception {
        byte[] body = Files.readAllBytes(factsFile);
        FactsReader reader = new FactsReader();
        Expertise expertise = org.exdiag.TestSupport.expertise();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong operations = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(new Thread(() -> {
                long ops = 0;
                long cpuAtStart = 0;
                boolean counting = false;
                try {
                    while (!stop.get()) {
                        if (!counting && measuring.get()) {
                            counting = true;
                            cpuAtStart = cpu.getCurrentThreadCpuTime();
                        }
                        byte[] json = ReportWriter.json().writeValueAsBytes(
                                expertise.report(reader.read(body, FactsFormat.JSON), Language.EN));
                        if (counting && json.length > 0) {
                            ops++;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                operations.addAndGet(ops);
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuAtStart);
            }, "analysis-" + t));
        }
        workers.forEach(Thread::start);
        Thread.sleep(warmUp.toMillis());
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long ops = Math.max(1, operations.get());
        return String.format(Locale.ROOT, "analysis alone, %d threads: %,.0f/s, %.1f us CPU per analysis",
                threads, ops / seconds, cpuNanos.get() / 1e3 / ops);
    }
}
