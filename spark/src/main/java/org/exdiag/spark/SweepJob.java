package org.exdiag.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;
import org.exdiag.sweep.SweepSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code exdiag sweep} as a Spark job: the domains files cut into {@code --partitions} shares, each task
 * sweeping its share with a sweep of its own (its DNS resolver, answers cache, concurrency and rate cap),
 * the records written as JSON lines part files, in input order within each part, with a summary beside them.
 *
 * <pre>spark-submit --class org.exdiag.spark.SweepJob exdiag-spark.jar [options] --out OUTDIR DOMAINS...</pre>
 *
 * {@code --rate} is per task, so the job as a whole sends up to the rate times the tasks running at once.
 * Exit 0: every domain was checked; 1: some could not be (wholly) checked, or some line was no domain; 2:
 * usage errors, a domains file that cannot be read, rules that do not compile, an OUTDIR that exists; 3: the
 * job itself failed (the cause is printed).
 */
@Command(name = "exdiag-spark sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check many domains from DNS alone on Spark, as `exdiag sweep` does: one JSON record per domain in "
                + "OUTDIR/part-*.jsonl (in input order, the parts read in name order), and OUTDIR/_SUMMARY.json.",
                "Each task sweeps its share of the lines with its own resolver and rate cap: --rate is per task, and the "
                        + "job sends up to the rate times the tasks running at once."})
public final class SweepJob implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rules folder, local or any path Hadoop reads (default: ./rules, else the bundled copy).")
    String rules;

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge-base folder (default: ./knowledge-base, else the bundled copy).")
    String kb;

    @Option(names = "--lang", paramLabel = "en|fr", description = "Language of the reports (default: en).")
    String lang = "en";

    @Option(names = "--offer", paramLabel = "hosted|private", description = "The offer of lines that do not say (default: the rules' default, hosted).")
    String offer;

    @Option(names = "--setup", paramLabel = "SETUP",
            description = "The mail setup of lines that do not say: exchange-only, with-provider-pop-imap, with-external-pop-imap "
                    + "(default: unknown).")
    String setup;

    @Option(names = "--dkim-selector", paramLabel = "NAME", description = "A DKIM selector to look up for lines that name none, repeatable.")
    List<String> dkimSelectors = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", description = "Domains each task checks at once (default: 64).")
    int concurrency = SweepSettings.DEFAULT_CONCURRENCY;

    @Option(names = "--rate", paramLabel = "QPS",
            description = "DNS queries per second at most, FOR EACH TASK, retries included (default: 200). The job sends up to "
                    + "QPS times the tasks running at once.")
    int rate = SweepSettings.DEFAULT_RATE;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long one DNS query waits for its answer before it is asked again (default: 2; decimals allowed).")
    BigDecimal timeout = BigDecimal.valueOf(SweepSettings.DEFAULT_TIMEOUT.toSeconds());

    @Option(names = "--retries", paramLabel = "N",
            description = "Times a query that timed out is asked again (default: 2); then the record is \"could not check\", never missing.")
    int retries = SweepSettings.DEFAULT_ATTEMPTS - 1;

    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Resolver for every lookup, which every executor must reach (default: each executor's system resolver).")
    String dns;

    @Option(names = "--partitions", paramLabel = "N",
            description = "Shares the domains are cut into, one task each (default: Spark's default parallelism, the cores).")
    Integer partitions;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Output folder, any path Hadoop writes.")
    String out;

    @Option(names = "--overwrite", description = "Replace OUTDIR if it exists (otherwise an existing OUTDIR is refused).")
    boolean overwrite;

    @Parameters(arity = "1..*", paramLabel = "DOMAINS",
            description = "Domains files (one domain a line, domain[,offer[,mailSetup[,privateHost]]], or JSON lines), or folders of them.")
    List<String> inputs = new ArrayList<>();

    private JavaSparkContext given;
    private PrintWriter err;

    public static void main(String[] args) {
        System.exit(run(null, args));
    }

    /** Runs the job on {@code spark} (null: a context of its own, from spark-submit's or the system's settings). */
    public static int run(JavaSparkContext spark, String... args) {
        SweepJob job = new SweepJob();
        job.given = spark;
        CommandLine cl = new CommandLine(job);
        job.err = cl.getErr();
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: the job failed: " + ex);
            for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
                cmd.getErr().println("  caused by: " + cause);
            }
            cmd.getErr().flush();
            return AnalyzeJob.JOB_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return AnalyzeJob.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Language language;
        SweepOptions options;
        try {
            language = Language.parse(lang);
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return AnalyzeJob.USAGE;
        }
        if (partitions != null && partitions < 1) {
            err.println("error: --partitions must be at least 1");
            return AnalyzeJob.USAGE;
        }
        JavaSparkContext spark = given != null ? given : new JavaSparkContext(new SparkConf().setAppName("exdiag sweep")
                .setIfMissing("spark.master", "local[*]"));
        try {
            return sweep(spark, language, options);
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }

    /** The options as a task builds them, built here first: a bad one is a usage error worded as {@code exdiag sweep} words it. */
    private SweepOptions options() {
        SweepOptions options;
        try {
            options = new SweepOptions(dns, concurrency, rate, timeout.movePointRight(9).longValue(), retries + 1, offer, setup,
                    dkimSelectors);
            options.settings();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("bad option: " + e.getMessage(), e);
        }
        options.input();
        return options;
    }

    private int sweep(JavaSparkContext spark, Language language, SweepOptions options) throws IOException {
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
            return AnalyzeJob.USAGE;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return AnalyzeJob.USAGE;
        }
        int shares = partitions != null ? partitions : spark.defaultParallelism();
        List<WorkUnit> units;
        try {
            units = new DomainListing(conf).list(inputs, shares);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return AnalyzeJob.USAGE;
        }
        Path outDir = new Path(out);
        FileSystem outFs = outDir.getFileSystem(conf);
        if (outFs.exists(outDir)) {
            if (!overwrite) {
                err.println("error: " + out + " exists: give --overwrite to replace it");
                return AnalyzeJob.USAGE;
            }
            outFs.delete(outDir, true);
        }
        long startNanos = System.nanoTime();
        units = LineRanges.numbered(spark, units, conf);
        int tasks = Math.max(1, Math.min(units.size(), shares));
        err.printf("exdiag-spark: rules %s, knowledge base %s; %d tasks, each at most %,d DNS queries/s: the job sends up to "
                        + "%,d/s times the tasks running at once (%,d/s if all %d do)%n", expertise.rulesShown(), expertise.kbShown(), tasks,
                rate, rate, (long) rate * tasks, tasks);
        err.flush();

        Map<String, String> confEntries = new HashMap<>();
        conf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));
        SweepJobSummary summary = new SweepJobSummary();
        spark.sc().register(summary, "exdiag sweep summary");
        // parallelize keeps each slice's units together and in order: a part file lists its domains in input order.
        spark.parallelize(units, tasks)
                .mapPartitionsToPair(new PartitionSweep(expertise, language, options, confEntries, summary)::call)
                .saveAsNewAPIHadoopFile(out, NullWritable.class, Text.class, JsonLinesOutputFormat.class, conf);

        SweepJobSummary.Counts counts = summary.value();
        try (OutputStream o = outFs.create(new Path(outDir, "_SUMMARY.json"), true)) {
            o.write((ReportWriter.json().writeValueAsString(counts.asJson()) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        err.printf("exdiag-spark: %,d domains in %.1f s (%,.0f/s): %,d healthy, %,d with problems, %,d could not be checked; "
                        + "%,d bad lines; root causes: %s; DNS: %,d queries, %,d retries after a timeout, %,d answers shared; %s%n",
                counts.domains, seconds, counts.domains / seconds, counts.healthy, counts.problems, counts.couldNotCheck, counts.badLines,
                causes(counts.rootCauses), counts.queries, counts.retries, counts.sharedAnswers, out);
        err.flush();
        return counts.couldNotCheck > 0 || counts.badLines > 0 ? AnalyzeJob.SOME_ERRORS : AnalyzeJob.OK;
    }

    /** The most frequent root causes first, as {@code exdiag sweep} lists them. */
    private static String causes(Map<String, Long> rootCauses) {
        if (rootCauses.isEmpty()) {
            return "none";
        }
        return rootCauses.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "));
    }
}
