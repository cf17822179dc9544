package org.exdiag.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The domains files the command line names, listed on the driver through Hadoop's file systems and cut
 * into about {@code partitions} byte ranges of equal size, so that every task sweeps a like share of the
 * domains. A folder stands for its files, recursively, in name order, hidden entries skipped. Unlike
 * the analysis, whose inputs are a day's worth of files where one missing is one error record, a domains
 * file that cannot be read stops the job before it starts, as {@code exdiag sweep} stops: a sweep of
 * the wrong file is no sweep at all.
 */
final class DomainListing {
    private final Configuration conf;
    private final List<FileStatus> files = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();

    DomainListing(Configuration conf) {
        this.conf = conf;
    }

    /** The ranges, in input order; an IOException names the input that cannot be read. */
    List<WorkUnit> list(List<String> inputs, int partitions) throws IOException {
        for (String input : inputs) {
            if (input.equals("-")) {
                throw new IOException("-: the job does not read standard input (each executor reads its share of a file): "
                        + "give the file");
            }
            add(new Path(input), input, null);
        }
        long total = files.stream().mapToLong(FileStatus::getLen).sum();
        long chunk = Math.max(1, (total + partitions - 1) / partitions);
        List<WorkUnit> units = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            FileStatus f = files.get(i);
            for (long start = 0; start < f.getLen(); start += chunk) {
                units.add(WorkUnit.lines(f.getPath().toString(), shown.get(i), start, Math.min(f.getLen(), start + chunk)));
            }
        }
        return units;
    }

    private void add(Path path, String name, FileStatus known) throws IOException {
        FileStatus status = known;
        if (status == null) {
            try {
                status = path.getFileSystem(conf).getFileStatus(path);
            } catch (FileNotFoundException e) {
                throw new IOException(name + ": no such file or folder");
            } catch (IOException | IllegalArgumentException e) {
                throw new IOException(name + ": cannot read: " + e.getMessage());
            }
        }
        if (!status.isDirectory()) {
            files.add(status);
            shown.add(name);
            return;
        }
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] children = fs.listStatus(path);
        String prefix = name.endsWith("/") ? name : name + "/";
        for (FileStatus c : Arrays.stream(children).filter(c -> !c.getPath().getName().startsWith("."))
                .sorted(Comparator.comparing(c -> c.getPath().getName())).toList()) {
            add(c.getPath(), prefix + c.getPath().getName(), c);
        }
    }
}
