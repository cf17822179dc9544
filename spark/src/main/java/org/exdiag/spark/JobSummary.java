package org.exdiag.spark;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;
import org.exdiag.batch.Outcome;

/**
 * The counts of {@code _SUMMARY.json}, added up across tasks: documents, reports, errors, and how many
 * reports name each root cause. Updated while the records are written, in the one stage of the job
 * (no shuffle), so a stage is never run twice and each successful task counts once; a failed or
 * killed attempt's counts are dropped by Spark.
 */
final class JobSummary extends AccumulatorV2<Outcome, JobSummary.Counts> {
    /** The counts themselves. */
    static final class Counts implements java.io.Serializable {
        long documents;
        long reports;
        long errors;
        final Map<String, Long> rootCauses = new TreeMap<>();

        void add(Outcome o) {
            documents++;
            if (o.failed()) {
                errors++;
            } else {
                reports++;
                o.report().rootCauses().forEach(code -> rootCauses.merge(code, 1L, Long::sum));
            }
        }

        void add(Counts other) {
            documents += other.documents;
            reports += other.reports;
            errors += other.errors;
            other.rootCauses.forEach((code, n) -> rootCauses.merge(code, n, Long::sum));
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new java.util.LinkedHashMap<>();
            json.put("documents", documents);
            json.put("reports", reports);
            json.put("errors", errors);
            json.put("rootCauses", rootCauses);
            return json;
        }
    }

    private Counts counts = new Counts();

    @Override
    public boolean isZero() {
        return counts.documents == 0;
    }

    @Override
    public AccumulatorV2<Outcome, Counts> copy() {
        JobSummary copy = new JobSummary();
        copy.counts.add(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts = new Counts();
    }

    @Override
    public void add(Outcome outcome) {
        counts.add(outcome);
    }

    @Override
    public void merge(AccumulatorV2<Outcome, Counts> other) {
        counts.add(other.value());
    }

    @Override
    public Counts value() {
        return counts;
    }
}
