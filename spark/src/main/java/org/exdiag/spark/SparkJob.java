package org.exdiag.spark;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;

/** A job's run from its command line: the Spark context it was given (tests) and where it reports. */
abstract class SparkJob implements Callable<Integer> {
    /** The context given (tests), or null: the job makes its own ({@link JobOptions#context}). */
    JavaSparkContext given;
    PrintWriter err;

    /** Runs {@code job} on {@code spark} with {@code args}; the exit code ({@link JobOptions}). */
    static int run(SparkJob job, JavaSparkContext spark, String... args) {
        job.given = spark;
        CommandLine cl = JobOptions.commandLine(job);
        job.err = cl.getErr();
        return cl.execute(args);
    }
}
