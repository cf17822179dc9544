package org.exdiag.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;

/**
 * A job's run from its command line: the Spark context it was given (tests) or makes, where it reports,
 * and the handlers that give a job that throws exit code {@link JobOptions#JOB_FAILED} with its causes
 * printed, a usage error {@link JobOptions#USAGE} with the usage.
 */
abstract class SparkJob implements Callable<Integer> {
    /** The context given (tests), or null: the job makes its own ({@link #withContext}). */
    JavaSparkContext given;
    PrintWriter err;

    /** Runs {@code job} on {@code spark} with {@code args}; the exit code ({@link JobOptions}). */
    static int run(SparkJob job, JavaSparkContext spark, String... args) {
        job.given = spark;
        CommandLine cl = new CommandLine(job);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("error: the job failed: " + ex);
            for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
                cmd.getErr().println("  caused by: " + cause);
            }
            cmd.getErr().flush();
            return JobOptions.JOB_FAILED;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return JobOptions.USAGE;
        });
        job.err = cl.getErr();
        return cl.execute(args);
    }

    /** What a job does with its Spark context; its exit code. */
    interface Work {
        int run(JavaSparkContext spark) throws IOException;
    }

    /**
     * {@code work} on the Spark context given, or on one of its own from spark-submit's or the system's
     * settings, stopped after.
     */
    int withContext(String appName, Work work) throws IOException {
        JavaSparkContext spark = given != null ? given
                : new JavaSparkContext(new SparkConf().setAppName(appName).setIfMissing("spark.master", "local[*]"));
        try {
            return work.run(spark);
        } finally {
            if (given == null) {
                spark.stop();
            }
        }
    }
}
