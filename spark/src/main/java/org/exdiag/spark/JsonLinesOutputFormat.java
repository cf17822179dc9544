package org.exdiag.spark;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.lib.output.TextOutputFormat;

/**
 * Hadoop's text output, committed the usual way (each task writes apart, the job commits at the end),
 * with part files named {@code part-r-NNNNN.jsonl}: one JSON record a line, never one file a document.
 */
public final class JsonLinesOutputFormat extends TextOutputFormat<NullWritable, Text> {
    @Override
    public Path getDefaultWorkFile(TaskAttemptContext context, String extension) throws IOException {
        return super.getDefaultWorkFile(context, ".jsonl");
    }
}
