package org.exdiag.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.exdiag.report.Verdict;
import org.junit.jupiter.api.Test;

/** The counts both sweep summaries print (exdiag sweep on standard error, the Spark job's _SUMMARY.json). */
class SweepCountsTest {
    private static SweepOutcome checked(Verdict verdict, boolean incomplete, String... causes) {
        return new SweepOutcome("in:1", "d.test", verdict, List.of(causes), incomplete, null, "{}");
    }

    @Test
    void aDomainThatCouldNotBeWhollyCheckedIsNeitherHealthyNorWithProblems() {
        SweepCounts counts = new SweepCounts();
        counts.count(checked(Verdict.HEALTHY, false));
        counts.count(checked(Verdict.PROBLEMS, false, "MX_INVALID"));
        counts.count(checked(Verdict.PROBLEMS, true, "SPF_MISSING"));
        counts.count(SweepOutcome.failed("in:4", null, "not a domain name"));
        assertThat(List.of(counts.domains(), counts.healthy(), counts.problems(), counts.couldNotCheck(), counts.badLines()))
                .containsExactly(3L, 1L, 1L, 1L, 1L);
        assertThat(counts.anyUnchecked()).isTrue();
    }

    @Test
    void tasksAddUpAndRootCausesComeMostFrequentFirstTiesInCodeOrder() {
        SweepCounts a = new SweepCounts();
        SweepCounts b = new SweepCounts();
        a.count(checked(Verdict.PROBLEMS, false, "SPF_MISSING"));
        a.count(checked(Verdict.PROBLEMS, false, "MX_INVALID"));
        b.count(checked(Verdict.PROBLEMS, false, "SPF_MISSING", "DMARC_MISSING"));
        a.add(b);
        assertThat(a.domains()).isEqualTo(3);
        assertThat(a.rootCausesByFrequency(Integer.MAX_VALUE)).isEqualTo("SPF_MISSING 2, DMARC_MISSING 1, MX_INVALID 1");
        assertThat(a.rootCausesByFrequency(2)).isEqualTo("SPF_MISSING 2, DMARC_MISSING 1, ...");
        assertThat(new SweepCounts().rootCausesByFrequency(4)).isEqualTo("none");
        assertThat(new SweepCounts().isEmpty()).isTrue();
    }
}
