package org.exdiag.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.util.TaskCompletionListener;
import org.exdiag.Expertise;
import org.exdiag.knowledge.Language;
import org.exdiag.sweep.Sweep;
import org.exdiag.sweep.SweepOutcome;
import org.exdiag.sweep.SweepOptions;
import scala.Tuple2;

/**
 * What one task does with its ranges of domains files: one {@link Sweep} over all their lines, in order,
 * with this executor JVM's rule base and a DNS of its own (its resolver, its rate cap, its shared
 * answers), yielding the JSON line {@code exdiag sweep} writes for each. So {@code --rate} holds for each
 * task: the job as a whole sends up to the rate times the tasks that run at once.
 */
final class PartitionSweep implements FlatMapFunction<Iterator<WorkUnit>, Tuple2<NullWritable, Text>>, Serializable {
    private final ShippedExpertise expertise;
    private final Language language;
    private final SweepOptions options;
    private final Map<String, String> hadoopConf;
    private final SweepJobSummary summary;

    PartitionSweep(ShippedExpertise expertise, Language language, SweepOptions options, Map<String, String> hadoopConf,
                   SweepJobSummary summary) {
        this.expertise = expertise;
        this.language = language;
        this.options = options;
        this.hadoopConf = hadoopConf;
        this.summary = summary;
    }

    @Override
    public Iterator<Tuple2<NullWritable, Text>> call(Iterator<WorkUnit> units) throws Exception {
        Expertise built = expertise.expertise();
        DomainLines items = new DomainLines(units, PartitionAnalysis.configuration(hadoopConf), options.input());
        SweepStream outcomes = new SweepStream(() -> new Sweep(built, language, options.settings()), items, items);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((TaskCompletionListener) context -> outcomes.close());
        }
        return new Iterator<>() {
            private boolean counted;

            @Override
            public boolean hasNext() {
                boolean more = outcomes.hasNext();
                if (!more && !counted) {
                    counted = true;
                    SweepStream.Dns dns = outcomes.dns();
                    summary.addDns(dns.queries(), dns.retries(), dns.sharedAnswers());
                }
                return more;
            }

            @Override
            public Tuple2<NullWritable, Text> next() {
                SweepOutcome outcome = outcomes.next();
                summary.add(outcome);
                String line = outcome.jsonLine();
                return new Tuple2<>(NullWritable.get(), new Text(line.substring(0, line.length() - 1)));
            }
        };
    }
}
