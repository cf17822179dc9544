package org.exdiag.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exdiag analyze} as a Spark job (../shared/spec/spark-v1.md): the same documents, rules,
 * knowledge base and records, written as JSON lines part files with a summary beside them.
 *
 * <pre>spark-submit --class org.exdiag.spark.AnalyzeJob exdiag-spark.jar [--rules DIR] [--kb DIR] [--lang en|fr] --out OUTDIR INPUT...</pre>
 *
 * The driver lists the inputs and checks that the rules compile (exit 2 if not, before any executor
 * starts); executors build their own rule base from the rule texts, analyze their share, and write
 * their part; the driver then writes {@code _SUMMARY.json}. Exit 0: every document gave a report; 1: some
 * gave errors (all the others are written); 2: usage errors, rules that do not compile, an OUTDIR that exists;
 * 3: the job itself failed (the cause is printed).
 */
@Command(name = "exdiag-spark", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reports from captured facts files, JSON lines files and folders, on Spark: one JSON record per document "
                + "in OUTDIR/part-*.jsonl, as `exdiag analyze --format jsonl` writes them, and OUTDIR/_SUMMARY.json.")
public final class AnalyzeJob extends SparkJob {
    @Mixin
    JobOptions job = new JobOptions();

    @Option(names = "--split-bytes", paramLabel = "BYTES", hidden = true,
            description = "Size of the pieces JSON lines files are cut into (default: 32 MiB).")
    long splitBytes = 32L << 20;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Facts files, JSON lines files or folders.")
    List<String> inputs = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(null, args));
    }

    /** Runs the job on {@code spark} (null: a context of its own, from spark-submit's or the system's settings). */
    public static int run(JavaSparkContext spark, String... args) {
        return SparkJob.run(new AnalyzeJob(), spark, args);
    }

    @Override
    public Integer call() throws IOException {
        Language language;
        try {
            language = job.language();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return JobOptions.USAGE;
        }
        if (splitBytes < 1) {
            err.println("error: --split-bytes must be positive");
            return JobOptions.USAGE;
        }
        return withContext("exdiag analyze", spark -> analyze(spark, language));
    }

    private int analyze(JavaSparkContext spark, Language language) throws IOException {
        Configuration conf = spark.hadoopConfiguration();
        ShippedExpertise expertise = job.expertise(conf, err);
        if (expertise == null) {
            return JobOptions.USAGE;
        }
        err.println("exdiag-spark: rules " + expertise.rulesShown() + ", knowledge base " + expertise.kbShown());
        if (!job.outputReady(conf, err)) {
            return JobOptions.USAGE;
        }
        long startNanos = System.nanoTime();
        List<WorkUnit> units = new InputListing(conf, new FactsReader().limits().maxDocumentBytes(), splitBytes).list(inputs);
        units = LineRanges.numbered(spark, units, conf);
        Map<String, String> confEntries = JobOptions.entries(conf);

        JobSummary summary = new JobSummary();
        spark.sc().register(summary, "exdiag summary");
        int slices = Math.max(1, Math.min(units.size(), spark.defaultParallelism() * 4));
        JavaRDD<WorkUnit> work = spark.parallelize(units, slices);
        work.mapPartitionsToPair(new PartitionAnalysis(expertise, language, confEntries, summary)::call)
                .saveAsNewAPIHadoopFile(job.out, NullWritable.class, Text.class, JsonLinesOutputFormat.class, conf);

        JobSummary.Counts counts = summary.value();
        job.writeSummary(conf, counts.asJson());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.printf("exdiag-spark: %,d documents, %,d reports, %,d errors; %.1f s; %s%n", counts.documents, counts.reports,
                counts.errors, seconds, job.out);
        err.flush();
        return counts.errors > 0 ? JobOptions.SOME_ERRORS : JobOptions.OK;
    }
}
