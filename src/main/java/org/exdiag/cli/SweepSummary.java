package org.exdiag.cli;

import java.io.PrintWriter;
import org.exdiag.sweep.SweepCounts;
import org.exdiag.sweep.SweepDns;
import org.exdiag.sweep.SweepOutcome;

/**
 * A sweep's progress and summary on standard error: domains done, per second, the root causes so far, and
 * at the end how many were healthy, had problems, could not be checked, or were bad lines. A person
 * watching sees a live line; a log gets a line every ten seconds. Called from the single thread that
 * writes the output.
 */
final class SweepSummary {
    private static final long LIVE_EVERY_NANOS = 200_000_000L;
    private static final long LOGGED_EVERY_NANOS = 10_000_000_000L;
    private static final int CAUSES_SHOWN = 4;

    private final PrintWriter err;
    private final boolean live;
    private final SweepDns dns;
    private final long start = System.nanoTime();
    private final SweepCounts counts = new SweepCounts();
    private long lastProgress = start;
    private boolean liveShown;

    SweepSummary(PrintWriter err, boolean live, SweepDns dns) {
        this.err = err;
        this.live = live;
        this.dns = dns;
    }

    void count(SweepOutcome o) {
        counts.count(o);
        long now = System.nanoTime();
        if (now - lastProgress > (live ? LIVE_EVERY_NANOS : LOGGED_EVERY_NANOS)) {
            lastProgress = now;
            String line = String.format("%,d domains, %,.0f/s, %,d could not be checked; root causes so far: %s", counts.domains(),
                    counts.domains() / seconds(now), counts.couldNotCheck(), counts.rootCausesByFrequency(CAUSES_SHOWN));
            if (live) {
                liveShown = true;
                err.print("\r\033[K" + line);
            } else {
                err.println("exdiag: " + line);
            }
            err.flush();
        }
    }

    /** Whether some domain could not be (wholly) checked, or some line was no domain: exit code 1. */
    boolean anyUnchecked() {
        return counts.anyUnchecked();
    }

    void print(long resumedPast) {
        if (liveShown) {
            err.print("\r\033[K");
        }
        double seconds = seconds(System.nanoTime());
        err.printf("exdiag: %,d domains in %.1f s (%,.0f/s): %,d healthy, %,d with problems, %,d could not be checked; %,d bad "
                        + "lines%s; root causes: %s; DNS: %,d queries, %,d retries after a timeout, %,d answers shared%n",
                counts.domains(), seconds, counts.domains() / seconds, counts.healthy(), counts.problems(), counts.couldNotCheck(),
                counts.badLines(), resumedPast > 0 ? String.format(", %,d domains already done (resumed)", resumedPast) : "",
                counts.rootCausesByFrequency(Integer.MAX_VALUE),
                dns.queries(), dns.retries(), dns.sharedAnswers());
        err.flush();
    }

    private double seconds(long now) {
        return Math.max((now - start) / 1e9, 1e-3);
    }
}
