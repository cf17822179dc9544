package org.exdiag.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import org.exdiag.report.Verdict;
import org.exdiag.sweep.SweepOutcome;

/**
 * The counts of a sweep's {@code _SUMMARY.json}, added up across tasks, in the words of the summary
 * {@code exdiag sweep} prints: domains, healthy, with problems, could not be checked, bad lines, root
 * causes, and the DNS queries the tasks sent. Updated while the records are written, in the job's one
 * stage, so each successful task counts once (see {@link JobSummary}).
 */
final class SweepJobSummary extends AccumulatorV2<SweepOutcome, SweepJobSummary.Counts> {
    /** The counts themselves. */
    static final class Counts implements java.io.Serializable {
        long domains;
        long healthy;
        long problems;
        long couldNotCheck;
        long badLines;
        final Map<String, Long> rootCauses = new TreeMap<>();
        long queries;
        long retries;
        long sharedAnswers;

        /** As {@code exdiag sweep} counts: a domain that could not be wholly checked is neither healthy nor with problems. */
        void add(SweepOutcome o) {
            if (o.failed()) {
                badLines++;
                return;
            }
            domains++;
            o.rootCauses().forEach(code -> rootCauses.merge(code, 1L, Long::sum));
            if (o.incomplete()) {
                couldNotCheck++;
            } else if (o.verdict() == Verdict.HEALTHY) {
                healthy++;
            } else {
                problems++;
            }
        }

        void add(Counts other) {
            domains += other.domains;
            healthy += other.healthy;
            problems += other.problems;
            couldNotCheck += other.couldNotCheck;
            badLines += other.badLines;
            other.rootCauses.forEach((code, n) -> rootCauses.merge(code, n, Long::sum));
            queries += other.queries;
            retries += other.retries;
            sharedAnswers += other.sharedAnswers;
        }

        boolean isZero() {
            return domains == 0 && badLines == 0 && queries == 0 && retries == 0 && sharedAnswers == 0;
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domains", domains);
            json.put("healthy", healthy);
            json.put("problems", problems);
            json.put("couldNotCheck", couldNotCheck);
            json.put("badLines", badLines);
            json.put("rootCauses", rootCauses);
            Map<String, Object> dns = new LinkedHashMap<>();
            dns.put("queries", queries);
            dns.put("retries", retries);
            dns.put("sharedAnswers", sharedAnswers);
            json.put("dns", dns);
            return json;
        }
    }

    private Counts counts = new Counts();

    /** A task's DNS figures, once its sweep is done: each task has a resolver of its own. */
    void addDns(long queries, long retries, long sharedAnswers) {
        counts.queries += queries;
        counts.retries += retries;
        counts.sharedAnswers += sharedAnswers;
    }

    @Override
    public boolean isZero() {
        return counts.isZero();
    }

    @Override
    public AccumulatorV2<SweepOutcome, Counts> copy() {
        SweepJobSummary copy = new SweepJobSummary();
        copy.counts.add(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts = new Counts();
    }

    @Override
    public void add(SweepOutcome outcome) {
        counts.add(outcome);
    }

    @Override
    public void merge(AccumulatorV2<SweepOutcome, Counts> other) {
        counts.add(other.value());
    }

    @Override
    public Counts value() {
        return counts;
    }
}
