package org.exdiag.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.exdiag.batch.BatchAnalysis;
import org.exdiag.batch.BatchRecord;
import org.exdiag.batch.Document;
import org.exdiag.batch.JsonLinesReader;
import org.exdiag.batch.Outcome;
import org.exdiag.facts.FactsFormat;
import org.exdiag.facts.FactsReader;
import org.exdiag.knowledge.Language;
import scala.Tuple2;

/**
 * What one task does with its work units: reads their documents one at a time, analyzes each with this
 * executor's rule base, and yields the same JSON record {@code exdiag analyze --format jsonl} writes for
 * it. Lazy: a partition of millions of lines streams through in flat memory.
 */
final class PartitionAnalysis implements FlatMapFunction<Iterator<WorkUnit>, Tuple2<NullWritable, Text>>, Serializable {
    private final ShippedExpertise expertise;
    private final Language language;
    private final Map<String, String> hadoopConf;
    private final JobSummary summary;

    PartitionAnalysis(ShippedExpertise expertise, Language language, Map<String, String> hadoopConf, JobSummary summary) {
        this.expertise = expertise;
        this.language = language;
        this.hadoopConf = hadoopConf;
        this.summary = summary;
    }

    static Configuration configuration(Map<String, String> entries) {
        Configuration conf = new Configuration(false);
        entries.forEach(conf::set);
        return conf;
    }

    @Override
    public Iterator<Tuple2<NullWritable, Text>> call(Iterator<WorkUnit> units) throws Exception {
        FactsReader reader = new FactsReader();
        BatchAnalysis analysis = new BatchAnalysis(reader, expertise.expertise(), language);
        Documents documents = new Documents(units, configuration(hadoopConf), reader.limits().maxDocumentBytes());
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = documents.hasNext();
                if (!more) {
                    documents.close();
                }
                return more;
            }

            @Override
            public Tuple2<NullWritable, Text> next() {
                Outcome outcome = analysis.analyze(documents.next());
                summary.add(outcome);
                String record = BatchRecord.of(outcome);
                return new Tuple2<>(NullWritable.get(), new Text(record.substring(0, record.length() - 1)));
            }
        };
    }

    /** The documents of a partition's work units, in order, each error a document of its own. */
    private static final class Documents extends WorkUnitItems<Document> {
        private final int maxBytes;

        Documents(Iterator<WorkUnit> units, Configuration conf, int maxBytes) {
            super(units, conf);
            this.maxBytes = maxBytes;
        }

        /** The unit's document, or null when it is a range of lines (then read on from its lines). */
        @Override
        protected Document open(WorkUnit unit) {
            switch (unit.kind()) {
                case UNREADABLE:
                    return Document.unreadable(unit.shown(), unit.problem());
                case LINES:
                    try {
                        JsonLinesReader lines = new JsonLinesReader(unit.shown(), LineRanges.open(conf, unit), maxBytes, unit.linesBefore());
                        readFrom(lines, lines);
                        return null;
                    } catch (IOException e) {
                        return Document.unreadable(unit.shown() + ":" + (unit.linesBefore() + 1), "cannot read: " + e.getMessage());
                    }
                default:
                    return whole(unit);
            }
        }

        /** One read, bounded: as analyze, a document over the limit is an error and is not kept in memory. */
        private Document whole(WorkUnit unit) {
            Path path = new Path(unit.path());
            try {
                FileSystem fs = path.getFileSystem(conf);
                try (InputStream in = fs.open(path)) {
                    byte[] bytes = in.readNBytes(maxBytes + 1);
                    if (bytes.length > maxBytes) {
                        long size = fs.getFileStatus(path).getLen();
                        return Document.unreadable(unit.shown(), "document too large: " + size + " bytes (limit " + maxBytes + ")");
                    }
                    FactsFormat format = FactsFormat.forFileName(path.getName()).orElse(FactsFormat.YAML);
                    return Document.of(unit.shown(), bytes, format);
                }
            } catch (java.io.FileNotFoundException e) {
                return Document.unreadable(unit.shown(), "no such file or folder");
            } catch (IOException e) {
                return Document.unreadable(unit.shown(), "cannot read: " + e.getMessage());
            }
        }
    }
}
