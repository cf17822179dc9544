package org.exdiag.spark;

import java.util.Map;
import java.util.TreeMap;
import org.exdiag.batch.Outcome;

/**
 * The counts of {@code _SUMMARY.json}, added up across tasks: documents, reports, errors, and how many
 * reports name each root cause. Updated while the records are written, in the one stage of the job
 * (no shuffle), so a stage is never run twice and each successful task counts once; a failed or
 * killed attempt's counts are dropped by Spark.
 */
final class JobSummary extends TallyAccumulator<Outcome, JobSummary.Counts> {
    /** The counts themselves. */
    static final class Counts implements TallyAccumulator.Tally<Outcome, Counts> {
        long documents;
        long reports;
        long errors;
        final Map<String, Long> rootCauses = new TreeMap<>();

        @Override
        public void count(Outcome o) {
            documents++;
            if (o.failed()) {
                errors++;
            } else {
                reports++;
                o.report().rootCauses().forEach(code -> rootCauses.merge(code, 1L, Long::sum));
            }
        }

        @Override
        public void addAll(Counts other) {
            documents += other.documents;
            reports += other.reports;
            errors += other.errors;
            other.rootCauses.forEach((code, n) -> rootCauses.merge(code, n, Long::sum));
        }

        @Override
        public boolean isZero() {
            return documents == 0;
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

    @Override
    protected Counts fresh() {
        return new Counts();
    }

    @Override
    protected JobSummary empty() {
        return new JobSummary();
    }
}
