package org.exdiag.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.knowledge.Language;
import org.exdiag.report.ReportWriter;
import picocli.CommandLine.Option;

/**
 * What both jobs (analyze, sweep) take and do alike: the rules, knowledge base and language, the output
 * folder, the exit codes, the rules compiled on the driver, an existing OUTDIR refused, and
 * {@code _SUMMARY.json} written. A picocli mixin: the options show in each job's help.
 */
final class JobOptions {
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

    /** The reports' language; an IllegalArgumentException naming --lang when it is none. */
    Language language() {
        try {
            return Language.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lang: " + e.getMessage(), e);
        }
    }

    /** The Hadoop configuration as plain entries, for the tasks (a Configuration is not serializable). */
    static Map<String, String> entries(Configuration conf) {
        Map<String, String> entries = new HashMap<>();
        conf.forEach(e -> entries.put(e.getKey(), e.getValue()));
        return entries;
    }

    /** The rules and knowledge base, compiled here on the driver; null (problems printed) when they do not load. */
    ShippedExpertise expertise(Configuration conf, PrintWriter err) {
        try {
            ShippedExpertise expertise = ShippedExpertise.read(rules, kb, conf);
            expertise.expertise(); // rules that do not compile stop the job now, before any executor starts
            return expertise;
        } catch (LoadException e) {
            for (Problem p : e.problems()) {
                err.println("error: " + p);
            }
            err.flush();
            return null;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return null;
        }
    }

    /** OUTDIR made ready: false (said on {@code err}) when it exists and --overwrite was not given. */
    boolean outputReady(Configuration conf, PrintWriter err) throws IOException {
        Path outDir = new Path(out);
        FileSystem fs = outDir.getFileSystem(conf);
        if (fs.exists(outDir)) {
            if (!overwrite) {
                err.println("error: " + out + " exists: give --overwrite to replace it");
                return false;
            }
            fs.delete(outDir, true);
        }
        return true;
    }

    /** {@code OUTDIR/_SUMMARY.json}, one JSON line. */
    void writeSummary(Configuration conf, Map<String, Object> json) throws IOException {
        Path outDir = new Path(out);
        try (OutputStream o = outDir.getFileSystem(conf).create(new Path(outDir, "_SUMMARY.json"), true)) {
            o.write((ReportWriter.json().writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }
}
