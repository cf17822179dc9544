package org.exdiag.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.exdiag.report.Verdict;
import org.exdiag.sweep.SweepOutcome;

/**
 * The counts of a sweep's {@code _SUMMARY.json}, added up across tasks, in the words of the summary
 * {@code exdiag sweep} prints: domains, healthy, with problems, could not be checked, bad lines, root
 * causes, and the DNS queries the tasks sent. Updated while the records are written, in the job's one
 * stage, so each successful task counts once (see {@link JobSummary}).
 */
final class SweepJobSummary extends TallyAccumulator<SweepOutcome, SweepJobSummary.Counts> {
    /** The counts themselves. */
    static final class Counts implements TallyAccumulator.Tally<SweepOutcome, Counts> {
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
        @Override
        public void count(SweepOutcome o) {
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

        @Override
        public void addAll(Counts other) {
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

        @Override
        public boolean isZero() {
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

    /** A task's DNS figures, once its sweep is done: each task has a resolver of its own. */
    void addDns(long queries, long retries, long sharedAnswers) {
        value().queries += queries;
        value().retries += retries;
        value().sharedAnswers += sharedAnswers;
    }

    @Override
    protected Counts fresh() {
        return new Counts();
    }

    @Override
    protected SweepJobSummary empty() {
        return new SweepJobSummary();
    }
}
