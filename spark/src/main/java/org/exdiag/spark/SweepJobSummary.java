package org.exdiag.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.exdiag.sweep.SweepCounts;
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
        final SweepCounts outcomes = new SweepCounts();
        long queries;
        long retries;
        long sharedAnswers;

        @Override
        public void count(SweepOutcome o) {
            outcomes.count(o);
        }

        @Override
        public void addAll(Counts other) {
            outcomes.add(other.outcomes);
            queries += other.queries;
            retries += other.retries;
            sharedAnswers += other.sharedAnswers;
        }

        @Override
        public boolean isZero() {
            return outcomes.isEmpty() && queries == 0 && retries == 0 && sharedAnswers == 0;
        }

        Map<String, Object> asJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("domains", outcomes.domains());
            json.put("healthy", outcomes.healthy());
            json.put("problems", outcomes.problems());
            json.put("couldNotCheck", outcomes.couldNotCheck());
            json.put("badLines", outcomes.badLines());
            json.put("rootCauses", outcomes.rootCauses());
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
