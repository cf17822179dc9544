package org.exdiag.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
public final class AnalyzeJob implements Callable<Integer> {
    static final int OK = 0;
    static final int SOME_ERRORS = 1;
    static final int USAGE = 2;
    /** The job itself failed (a lost cluster, an output that cannot be written): not the input's fault. */
    static final int JOB_FAILED = 3;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder, local or any path Hadoop reads (default: ./rules, else the bundled copy).")
    String rules;

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge-base folder (default: ./knowledge-base, else the bundled copy).")
    String kb;

    @Option(names = "--lang", paramLabel = "en|fr", description = "Language of the reports (default: en).")
    String lang = "en";

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Output folder, any path Hadoop writes.")
    String out;

    @Option(names = "--overwrite", description = "Replace OUTDIR if it exists (otherwise an existing OUTDIR is refused).")
    boolean overwrite;

    @Option(names = "--split-bytes", paramLabel = "BYTES", hidden = true,
            description = "Size of the pieces JSON lines files are cut into (default: 32 MiB).")
    long splitBytes = 32L << 20;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Facts files, JSON lines files or folders.")
    List<String> inputs = new ArrayList<>();

    private JavaSparkContext given;
    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(run(null, args));
    }

    /** Runs the job on {@code spark} (null: a context of its own, from spark-submit's or the system's settings). */
    public static int run(JavaSparkContext spark, String... args) {
        AnalyzeJob job = new AnalyzeJob();
        job.given = spark;
        CommandLine cl = new CommandLine(job);
        job.err = cl.getErr();
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: the job failed: " + ex);
            Throwable cause = ex.getCause();
            while (cause != null) {
                cmd.getErr().println("  caused by: " + cause);
                cause = cause.getCause();
            }
            cmd.getErr().flush();
            return JOB_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Language language;
        try {
            language = Language.parse(lang);
        } catch (IllegalArgumentException e) {
            err.println("error: --lang: " + e.getMessage());
            return USAGE;
        }
        if (splitBytes < 1) {
            err.println("error: --split-bytes must be positive");
            return USAGE;
        }
        JavaSparkContext spark = given != null ? given : new JavaSparkContext(new SparkConf().setAppName("exdiag analyze")
                .setIfMissing("spark.master", "local[*]"));
        try {
            return analyze(spark, language);
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }

    private int analyze(JavaSparkContext spark, Language language) throws IOException {
        Configuration conf = spark.hadoopConfiguration();
        ShippedExpertise expertise;
        try {
            expertise = ShippedExpertise.read(rules, kb, conf);
            expertise.expertise(); // compiles here, on the driver: rules that do not compile stop the job now
        } catch (LoadException e) {
            for (Problem p : e.problems()) {
                err.println("error: " + p);
            }
            err.flush();
            return USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
        err.println("exdiag-spark: rules " + expertise.rulesShown() + ", knowledge base " + expertise.kbShown());
        Path outDir = new Path(out);
        FileSystem outFs = outDir.getFileSystem(conf);
        if (outFs.exists(outDir)) {
            if (!overwrite) {
                err.println("error: " + out + " exists: give --overwrite to replace it");
                return USAGE;
            }
            outFs.delete(outDir, true);
        }
        long startNanos = System.nanoTime();
        List<WorkUnit> units = new InputListing(conf, new FactsReader().limits().maxDocumentBytes(), splitBytes).list(inputs);
        units = LineRanges.numbered(spark, units, conf);
        Map<String, String> confEntries = new HashMap<>();
        conf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));

        JobSummary summary = new JobSummary();
        spark.sc().register(summary, "exdiag summary");
        int slices = Math.max(1, Math.min(units.size(), spark.defaultParallelism() * 4));
        JavaRDD<WorkUnit> work = spark.parallelize(units, slices);
        work.mapPartitionsToPair(new PartitionAnalysis(expertise, language, confEntries, summary)::call)
                .saveAsNewAPIHadoopFile(out, NullWritable.class, Text.class, JsonLinesOutputFormat.class, conf);

        JobSummary.Counts counts = summary.value();
        try (OutputStream o = outFs.create(new Path(outDir, "_SUMMARY.json"), true)) {
            o.write((ReportWriter.json().writeValueAsString(counts.asJson()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        err.printf("exdiag-spark: %,d documents, %,d reports, %,d errors; %.1f s; %s%n", counts.documents, counts.reports,
                counts.errors, seconds, out);
        err.flush();
        return counts.errors > 0 ? SOME_ERRORS : OK;
    }
}
