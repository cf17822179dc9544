package org.exdiag.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.JavaSparkContext;
import org.exdiag.cli.SweepLineDefaults;
import org.exdiag.cli.SweepDnsOptions;
import org.exdiag.knowledge.Language;
import org.exdiag.sweep.SweepSettings;
import org.exdiag.sweep.SweepOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
public final class SweepJob extends SparkJob {
    @Mixin
    JobOptions job = new JobOptions();

    @Mixin
    SweepLineDefaults lineDefaults = new SweepLineDefaults();

    @Option(names = "--concurrency", paramLabel = "N", description = "Domains each task checks at once (default: 64).")
    int concurrency = SweepSettings.DEFAULT_CONCURRENCY;

    @Option(names = "--rate", paramLabel = "QPS",
            description = "DNS queries per second at most, FOR EACH TASK, retries included (default: 200). The job sends up to "
                    + "QPS times the tasks running at once.")
    int rate = SweepSettings.DEFAULT_RATE;

    @Mixin
    SweepDnsOptions dns = new SweepDnsOptions();

    @Option(names = "--partitions", paramLabel = "N",
            description = "Shares the domains are cut into, one task each (default: Spark's default parallelism, the cores).")
    Integer partitions;

    @Parameters(arity = "1..*", paramLabel = "DOMAINS",
            description = "Domains files (one domain a line, domain[,offer[,mailSetup[,privateHost]]], or JSON lines), or folders of them.")
    List<String> inputs = new ArrayList<>();

    public static void main(String[] args) {
        System.exit(run(null, args));
    }

    /** Runs the job on {@code spark} (null: a context of its own, from spark-submit's or the system's settings). */
    public static int run(JavaSparkContext spark, String... args) {
        return SparkJob.run(new SweepJob(), spark, args);
    }

    @Override
    public Integer call() throws IOException {
        Language language;
        SweepOptions options;
        try {
            language = job.language();
            options = options();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return JobOptions.USAGE;
        }
        if (partitions != null && partitions < 1) {
            err.println("error: --partitions must be at least 1");
            return JobOptions.USAGE;
        }
        return withContext("exdiag sweep", spark -> sweep(spark, language, options));
    }

    /** The options as a task builds them, built here first: a bad one is a usage error worded as {@code exdiag sweep} words it. */
    private SweepOptions options() {
        return dns.sweepOptions(concurrency, rate, lineDefaults);
    }

    private int sweep(JavaSparkContext spark, Language language, SweepOptions options) throws IOException {
        Configuration conf = spark.hadoopConfiguration();
        ShippedExpertise expertise = job.expertise(conf, err);
        if (expertise == null) {
            return JobOptions.USAGE;
        }
        int shares = partitions != null ? partitions : spark.defaultParallelism();
        List<WorkUnit> units;
        try {
            units = new DomainListing(conf).list(inputs, shares);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return JobOptions.USAGE;
        }
        if (!job.outputReady(conf, err)) {
            return JobOptions.USAGE;
        }
        long startNanos = System.nanoTime();
        units = LineRanges.numbered(spark, units, conf);
        int tasks = Math.max(1, Math.min(units.size(), shares));
        err.printf("exdiag-spark: rules %s, knowledge base %s; %d tasks, each at most %,d DNS queries/s: the job sends up to "
                        + "%,d/s times the tasks running at once (%,d/s if all %d do)%n", expertise.rulesShown(), expertise.kbShown(), tasks,
                rate, rate, (long) rate * tasks, tasks);
        err.flush();

        Map<String, String> confEntries = JobOptions.entries(conf);
        SweepJobSummary summary = new SweepJobSummary();
        spark.sc().register(summary, "exdiag sweep summary");
        // parallelize keeps each slice's units together and in order: a part file lists its domains in input order.
        spark.parallelize(units, tasks)
                .mapPartitionsToPair(new PartitionSweep(expertise, language, options, confEntries, summary)::call)
                .saveAsNewAPIHadoopFile(job.out, NullWritable.class, Text.class, JsonLinesOutputFormat.class, conf);

        SweepJobSummary.Counts counts = summary.value();
        job.writeSummary(conf, counts.asJson());
        double seconds = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
        err.printf("exdiag-spark: %,d domains in %.1f s (%,.0f/s): %,d healthy, %,d with problems, %,d could not be checked; "
                        + "%,d bad lines; root causes: %s; DNS: %,d queries, %,d retries after a timeout, %,d answers shared; %s%n",
                counts.outcomes.domains(), seconds, counts.outcomes.domains() / seconds, counts.outcomes.healthy(),
                counts.outcomes.problems(), counts.outcomes.couldNotCheck(), counts.outcomes.badLines(),
                counts.outcomes.rootCausesByFrequency(Integer.MAX_VALUE), counts.queries, counts.retries, counts.sharedAnswers, job.out);
        err.flush();
        return counts.outcomes.anyUnchecked() ? JobOptions.SOME_ERRORS : JobOptions.OK;
    }
}
