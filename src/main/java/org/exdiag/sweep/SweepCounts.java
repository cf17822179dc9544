package org.exdiag.sweep;

import java.io.Serializable;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.exdiag.report.Verdict;

/**
 * What a sweep's summary counts, in the words both summaries use: domains, healthy, with problems, could
 * not be checked (neither healthy nor with problems), bad lines, and the root causes. {@code exdiag sweep}
 * keeps one on its writing thread; the Spark job adds up one per task (hence serializable). Not
 * thread-safe.
 */
public final class SweepCounts implements Serializable {
    private long domains;
    private long healthy;
    private long problems;
    private long couldNotCheck;
    private long badLines;
    private final TreeMap<String, Long> rootCauses = new TreeMap<>();

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

    /** Another part's counts (a Spark task's). */
    public void add(SweepCounts other) {
        domains += other.domains;
        healthy += other.healthy;
        problems += other.problems;
        couldNotCheck += other.couldNotCheck;
        badLines += other.badLines;
        other.rootCauses.forEach((code, n) -> rootCauses.merge(code, n, Long::sum));
    }

    public long domains() {
        return domains;
    }

    public long healthy() {
        return healthy;
    }

    public long problems() {
        return problems;
    }

    public long couldNotCheck() {
        return couldNotCheck;
    }

    public long badLines() {
        return badLines;
    }

    /** Each root cause and how many domains it was one of, in code order. */
    public Map<String, Long> rootCauses() {
        return Collections.unmodifiableMap(rootCauses);
    }

    public boolean isEmpty() {
        return domains == 0 && badLines == 0;
    }

    /** Some domain could not be (wholly) checked, or some line was no domain: both summaries exit with 1 then. */
    public boolean anyUnchecked() {
        return couldNotCheck > 0 || badLines > 0;
    }

    /** "MX_INVALID 1,000, SPF_MISSING 12, ...": the most frequent first (ties in code order), at most {@code shown}; "none". */
    public String rootCausesByFrequency(int shown) {
        if (rootCauses.isEmpty()) {
            return "none";
        }
        return rootCauses.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(shown).map(e -> e.getKey() + " " + String.format("%,d", e.getValue())).collect(Collectors.joining(", "))
                + (rootCauses.size() > shown ? ", ..." : "");
    }
}
