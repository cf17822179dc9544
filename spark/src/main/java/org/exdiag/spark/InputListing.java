package org.exdiag.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.exdiag.facts.FactsFormat;

/**
 * The documents the command line names, listed on the driver through Hadoop's file systems (local
 * folders, hdfs://, s3a://...), exactly as {@code exdiag analyze} walks them: files as given, folders
 * recursively in name order without hidden entries, each named by the path given plus its place below
 * it. JSON lines files are cut into byte ranges so that one large file keeps every core busy.
 */
final class InputListing {
    private final Configuration conf;
    private final int maxDocumentBytes;
    private final long chunkBytes;
    private final List<WorkUnit> units = new ArrayList<>();

    InputListing(Configuration conf, int maxDocumentBytes, long chunkBytes) {
        this.conf = conf;
        this.maxDocumentBytes = maxDocumentBytes;
        this.chunkBytes = chunkBytes;
    }

    List<WorkUnit> list(List<String> inputs) {
        for (String input : inputs) {
            add(new Path(input), input, null);
        }
        return units;
    }

    private void add(Path path, String shown, FileStatus known) {
        FileStatus status = known;
        if (status == null) {
            try {
                status = path.getFileSystem(conf).getFileStatus(path);
            } catch (FileNotFoundException e) {
                status = null;
            } catch (IOException | IllegalArgumentException e) {
                units.add(WorkUnit.unreadable(shown, "cannot read: " + e.getMessage()));
                return;
            }
        }
        if (status != null && status.isDirectory()) {
            expand(path, shown);
            return;
        }
        Optional<FactsFormat> format = FactsFormat.forFileName(path.getName());
        if (format.isEmpty()) {
            units.add(WorkUnit.unreadable(shown, status != null
                    ? "unsupported file type (expected .json, .yaml, .yml or .jsonl)" : "no such file or folder"));
        } else if (status == null) {
            units.add(WorkUnit.unreadable(shown, "no such file or folder"));
        } else if (format.get() == FactsFormat.JSON_LINES) {
            long length = status.getLen();
            for (long start = 0; start < length; start += chunkBytes) {
                units.add(WorkUnit.lines(status.getPath().toString(), shown, start, Math.min(length, start + chunkBytes)));
            }
        } else if (status.getLen() > maxDocumentBytes) {
            units.add(WorkUnit.unreadable(shown, "document too large: " + status.getLen() + " bytes (limit " + maxDocumentBytes + ")"));
        } else {
            units.add(WorkUnit.wholeFile(status.getPath().toString(), shown));
        }
    }

    private void expand(Path dir, String shown) {
        FileStatus[] children;
        try {
            FileSystem fs = dir.getFileSystem(conf);
            children = fs.listStatus(dir);
        } catch (IOException e) {
            units.add(WorkUnit.unreadable(shown, "cannot list the folder: " + e.getMessage()));
            return;
        }
        String prefix = shown.endsWith("/") ? shown : shown + "/";
        Arrays.stream(children)
                .filter(c -> !c.getPath().getName().startsWith("."))
                .filter(c -> c.isDirectory() || FactsFormat.forFileName(c.getPath().getName()).isPresent())
                .sorted(Comparator.comparing(c -> c.getPath().getName()))
                .forEach(c -> add(c.getPath(), prefix + c.getPath().getName(), c));
    }
}
