package org.exdiag.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.exdiag.facts.FactsDocument;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.Expertise;
import org.exdiag.report.Report;
import org.exdiag.report.ReportFormat;
import org.exdiag.report.ReportWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reports per second for typical facts documents, against a baseline measured in the same run:
 * reading the same facts and writing a report of the same size with no rules run (Jackson only).
 * The ratio report/baseline is what docs/performance.md tracks (target: rules cost no more than
 * parsing and writing, ratio >= 0.5). Run: docs/bench/engine.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineBenchmark {
    /** healthy: no warning; one-cause: an invalid MX explaining a lost email; five-warnings: see the file. */
    @Param({"healthy", "one-cause", "five-warnings"})
    public String facts;

    private byte[] document;
    private FactsReader reader;
    private Expertise expertise;
    private Report precomputed;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path file = switch (facts) {
            case "healthy" -> Path.of("examples/healthy-hosted.yaml");
            case "one-cause" -> Path.of("examples/mx-pointing-elsewhere.yaml");
            default -> Path.of("src/test/resources/bench/five-warnings.yaml");
        };
        document = Files.readAllBytes(file);
        reader = new FactsReader();
        expertise = Expertise.load(Path.of("rules"), "rules", Path.of("knowledge-base"), "knowledge-base");
        precomputed = expertise.report(reader.read(document, FactsFormat.YAML), Language.EN);
    }

    /** Read the facts, run the rules, write the report as a JSON line: what a batch does per document. */
    @Benchmark
    public String report() throws Exception {
        FactsDocument doc = reader.read(document, FactsFormat.YAML);
        Report report = expertise.report(doc, Language.EN);
        return ReportWriter.write(report, doc, ReportFormat.JSONL, expertise.wording(Language.EN));
    }

    /** The same reading and writing with no rules at all. */
    @Benchmark
    public String baseline() throws Exception {
        FactsDocument doc = reader.read(document, FactsFormat.YAML);
        return ReportWriter.write(precomputed, doc, ReportFormat.JSONL, expertise.wording(Language.EN));
    }

    /** The rules alone, on already-read facts. */
    @Benchmark
    public Report rulesOnly() throws Exception {
        return expertise.report(precomputedFacts(), Language.EN);
    }

    private FactsDocument parsed;

    private FactsDocument precomputedFacts() throws Exception {
        if (parsed == null) {
            parsed = reader.read(document, FactsFormat.YAML);
        }
        return parsed;
    }
}
