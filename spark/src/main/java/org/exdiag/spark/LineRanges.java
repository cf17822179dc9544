package org.exdiag.spark;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Byte ranges of a JSON lines file, read apart. A range owns the lines whose first byte lies in it, as
 * Hadoop's line reader does: the line that crosses its end is read to its end, and the line that
 * crosses its start belongs to the range before. A line starts at byte 0 (if the file is not empty)
 * and after every newline that is not the file's last byte, which is how one reading of the whole file
 * counts them ({@code JsonLinesReader}); so the line numbers of every range add up to the same.
 */
final class LineRanges {
    private static final int BUFFER = 64 * 1024;

    private LineRanges() {
    }

    /** How many lines start in {@code [start, end)} of the file. */
    static long countLines(Configuration conf, WorkUnit unit) throws IOException {
        Path path = new Path(unit.path());
        FileSystem fs = path.getFileSystem(conf);
        long length = fs.getFileStatus(path).getLen();
        long count = unit.start() == 0 && length > 0 ? 1 : 0;
        // A newline at p starts a line at p + 1: those at p in [start - 1, end - 1), except the file's last byte.
        long from = Math.max(0, unit.start() - 1);
        long to = Math.min(unit.end() - 1, length - 1);
        if (from >= to) {
            return count;
        }
        try (FSDataInputStream in = fs.open(path)) {
            in.seek(from);
            byte[] buffer = new byte[BUFFER];
            long position = from;
            while (position < to) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, to - position));
                if (n < 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        count++;
                    }
                }
                position += n;
            }
        }
        return count;
    }

    /**
     * Counts the lines of every range of a JSON lines file but its last, in parallel, so that each range
     * knows the number of its first line: documents are named {@code file:LINE} as one reading names them.
     */
    static List<WorkUnit> numbered(JavaSparkContext spark, List<WorkUnit> units, Configuration conf) {
        List<Integer> toCount = new ArrayList<>();
        for (int i = 0; i + 1 < units.size(); i++) {
            WorkUnit u = units.get(i);
            WorkUnit after = units.get(i + 1);
            if (u.kind() == WorkUnit.Kind.LINES && after.kind() == WorkUnit.Kind.LINES && after.path().equals(u.path())
                    && after.start() == u.end()) {
                toCount.add(i);
            }
        }
        if (toCount.isEmpty()) {
            return units;
        }
        Map<String, String> confEntries = new HashMap<>();
        conf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));
        List<WorkUnit> ranges = toCount.stream().map(units::get).toList();
        List<Long> counts = spark.parallelize(ranges, Math.max(1, Math.min(ranges.size(), spark.defaultParallelism() * 4)))
                .map(u -> countLines(PartitionAnalysis.configuration(confEntries), u)).collect();
        Map<Integer, Long> countOf = new HashMap<>();
        for (int k = 0; k < toCount.size(); k++) {
            countOf.put(toCount.get(k), counts.get(k));
        }
        List<WorkUnit> numbered = new ArrayList<>(units.size());
        long before = 0;
        for (int i = 0; i < units.size(); i++) {
            WorkUnit u = units.get(i);
            boolean continues = i > 0 && units.get(i - 1).kind() == WorkUnit.Kind.LINES && u.kind() == WorkUnit.Kind.LINES
                    && units.get(i - 1).path().equals(u.path()) && units.get(i - 1).end() == u.start();
            if (!continues) {
                before = 0;
            }
            numbered.add(u.kind() == WorkUnit.Kind.LINES ? u.afterLines(before) : u);
            before += countOf.getOrDefault(i, 0L);
        }
        return numbered;
    }

    /** The bytes of the lines the range owns, from the first line's first byte to the last line's newline. */
    static InputStream open(Configuration conf, WorkUnit unit) throws IOException {
        Path path = new Path(unit.path());
        FSDataInputStream raw = path.getFileSystem(conf).open(path);
        long position = Math.max(0, unit.start() - 1);
        raw.seek(position);
        InputStream in = new BufferedInputStream(raw, BUFFER);
        if (unit.start() > 0) {
            // Skip the end of the line the range before owns: up to and including its newline.
            int b;
            while ((b = in.read()) >= 0) {
                position++;
                if (b == '\n') {
                    break;
                }
            }
            if (b < 0) {
                return new Bounded(in, position, position);
            }
        }
        return new Bounded(in, position, unit.end());
    }

    /** Ends after the first newline at or beyond {@code end - 1}: the last line that started before {@code end}. */
    private static final class Bounded extends FilterInputStream {
        private long position;
        private final long end;
        private boolean done;

        Bounded(InputStream in, long position, long end) {
            super(in);
            this.position = position;
            this.end = end;
            this.done = position >= end;
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                done = true;
                return -1;
            }
            if (b == '\n' && position >= end - 1) {
                done = true;
            }
            position++;
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            int n = in.read(into, offset, length);
            if (n < 0) {
                done = true;
                return -1;
            }
            // Only a newline at or beyond end - 1 ends the range; look for one from there on.
            int from = (int) Math.min(n, Math.max(0, end - 1 - position));
            for (int i = from; i < n; i++) {
                if (into[offset + i] == '\n') {
                    done = true;
                    position += i + 1;
                    return i + 1;
                }
            }
            position += n;
            return n;
        }
    }
}
