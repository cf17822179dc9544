package org.exdiag.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exdiag.engine.Inference;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.exdiag.report.ReportWriter;

/**
 * Where one analysis spends its time and memory, phase by phase, on one thread: reading the facts,
 * the rules (session facts, Drools), joining the knowledge base, writing the JSON report. Explains
 * the HTTP figures of docs/performance.md. Run:
 * {@code java -cp ... org.exdiag.bench.AnalyzePhases examples/incident-suspected.json [rounds]}.
 */
public final class AnalyzePhases {
    private AnalyzePhases() {
    }

    public static void main(String[] args) throws Exception {
        measure(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 8, 20_000).forEach(System.out::println);
    }

    /** One line per round (the last ones are warm), then one line of bytes allocated per phase. */
    public static List<String> measure(Path file, int rounds, int perRound) throws Exception {
        byte[] body = Files.readAllBytes(file);
        FactsFormat format = FactsFormat.forFileName(file.getFileName().toString()).orElse(FactsFormat.JSON);
        FactsReader reader = new FactsReader();
        Expertise expertise = org.exdiag.TestSupport.expertise();
        FactsDocument doc = reader.read(body, format);
        Inference inference = expertise.analyzer().analyze(doc);
        Report report = expertise.reportBuilder().build(doc, inference, Language.EN);
        List<Phase> phases = List.of(
                new Phase("read", () -> reader.read(body, format).mailbox().length()),
                new Phase("rules", () -> expertise.analyzer().analyze(doc).findings().size()),
                new Phase("knowledge", () -> expertise.reportBuilder().build(doc, inference, Language.EN).warnings().size()),
                new Phase("write", () -> ReportWriter.json().writeValueAsBytes(report).length));
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder("round " + round + ":");
            for (Phase p : phases) {
                long start = System.nanoTime();
                p.run(perRound);
                line.append(String.format(Locale.ROOT, " %s %.1f us", p.name, (System.nanoTime() - start) / 1e3 / perRound));
            }
            lines.add(line.toString());
        }
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        StringBuilder bytes = new StringBuilder("bytes allocated per document:");
        for (Phase p : phases) {
            long before = threads.getThreadAllocatedBytes(id);
            p.run(perRound);
            bytes.append(String.format(Locale.ROOT, " %s %,d", p.name, (threads.getThreadAllocatedBytes(id) - before) / perRound));
        }
        lines.add(bytes.toString());
        return lines;
    }

    private record Phase(String name, Op op) {
        void run(int times) throws Exception {
            long sink = 0;
            for (int i = 0; i < times; i++) {
                sink += op.run();
            }
            if (sink == 42) {
                System.out.print(""); // keeps the work alive for the JIT
            }
        }
    }

    @FunctionalInterface
    private interface Op {
        long run() throws Exception;
    }
}
