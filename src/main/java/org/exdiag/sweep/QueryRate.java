package org.exdiag.sweep;

import java.util.function.LongSupplier;

/**
 * A cap on queries per second for a whole sweep: each query gets its own moment, spaced 1/rate apart, so
 * that no second ever holds more than the rate (no burst after a quiet spell). Asking for a moment
 * never blocks: the caller is told how long to wait and sends then, so that no I/O thread is held up.
 * Thread-safe.
 */
public final class QueryRate {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long next;

    /** @param perSecond queries per second at most, 1 or more */
    public QueryRate(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    QueryRate(int perSecond, LongSupplier clock) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 query per second");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.clock = clock;
        this.next = clock.getAsLong();
    }

    /** Takes the next free moment: how many nanoseconds from now the query may go (0: at once). */
    public synchronized long reserve() {
        long now = clock.getAsLong();
        long at = Math.max(next, now);
        next = at + intervalNanos;
        return at - now;
    }
}
