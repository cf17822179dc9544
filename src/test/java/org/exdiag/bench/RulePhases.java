package org.exdiag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.exdiag.Expertise;
import org.exdiag.TestSupport;
import org.exdiag.engine.Inference;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The rules' part of a report cut finer than {@link AnalyzePhases} does, on one thread: building the
 * session's facts, taking a pooled session, inserting, firing, reading the conclusions back, returning
 * the session to its pool (Drools resets it then), and joining the knowledge base. Each step is timed
 * around itself in every analysis (System.nanoTime costs tens of nanoseconds against microseconds),
 * after a warm-up of a third of the analyses; the analyzer's own {@code analyze} is timed apart in the
 * same loop, as a check on the sum. A sampling profiler is no help here: JFR drops most
 * samples taken in Drools' code, so it shows exdiag's share as much larger than it is.
 * {@code java -cp ... org.exdiag.bench.RulePhases FILE [ANALYSES]}.
 */
public final class RulePhases {
    private static final String[] STEPS = {"session facts", "take session", "insert", "fire", "read back",
            "dispose (reset)", "report"};

    /** What the loop computes goes here, so that the JIT cannot drop it. */
    private static volatile long sink;

    private RulePhases() {
    }

    public static void main(String[] args) throws Exception {
        measure(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 1_500_000).forEach(System.out::println);
    }

    /** A line per step: microseconds an analysis, and its share of the whole. */
    public static List<String> measure(Path file, int analyses) throws Exception {
        FactsFormat format = FactsFormat.forFileName(file.getFileName().toString()).orElse(FactsFormat.JSON);
        FactsDocument doc = new FactsReader().read(Files.readAllBytes(file), format);
        Expertise expertise = TestSupport.expertise();
        KieSessionsPool pool = expertise.rules().kieBase().newKieSessionsPool(1);
        Inference inference = expertise.analyzer().analyze(doc);
        long[] nanos = new long[STEPS.length];
        long whole = 0;
        int warmUp = analyses / 3;
        long[] at = new long[STEPS.length + 1];
        for (int i = 0; i < analyses; i++) {
            at[0] = System.nanoTime();
            List<Object> facts = expertise.analyzer().sessionFacts(doc);
            at[1] = System.nanoTime();
            KieSession session = pool.newKieSession();
            at[2] = System.nanoTime();
            for (Object fact : facts) {
                session.insert(fact);
            }
            at[3] = System.nanoTime();
            session.fireAllRules();
            at[4] = System.nanoTime();
            int held = 0;
            for (Object ignored : session.getObjects()) {
                held++;
            }
            at[5] = System.nanoTime();
            session.dispose();
            at[6] = System.nanoTime();
            // The analyzer's own inference, so that the report step is the same on every analysis.
            expertise.reportBuilder().build(doc, inference, Language.EN);
            at[7] = System.nanoTime();
            sink += held + expertise.analyzer().analyze(doc).findings().size();
            long end = System.nanoTime();
            if (i >= warmUp) {
                for (int s = 0; s < STEPS.length; s++) {
                    nanos[s] += at[s + 1] - at[s];
                }
                whole += end - at[7];
            }
        }
        long total = 0;
        for (long n : nanos) {
            total += n;
        }
        int measured = analyses - warmUp;
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < STEPS.length; s++) {
            lines.add(String.format(Locale.ROOT, "%-16s %7.2f us %5.1f %%", STEPS[s], nanos[s] / 1e3 / measured,
                    100.0 * nanos[s] / total));
        }
        lines.add(String.format(Locale.ROOT, "%-16s %7.2f us", "all", total / 1e3 / measured));
        // The analyzer as it runs (its read back also sorts), beside the steps above but its report.
        lines.add(String.format(Locale.ROOT, "%-16s %7.2f us (Analyzer.analyze, timed apart)", "analyze", whole / 1e3 / measured));
        return lines;
    }
}
