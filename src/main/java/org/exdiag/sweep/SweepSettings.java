package org.exdiag.sweep;

import java.time.Duration;
import org.exdiag.probe.Endpoint;

/**
 * How a sweep runs.
 *
 * @param dns         the resolver to ask, or null for the system's
 * @param concurrency domains checked at once
 * @param rate        DNS queries per second at most, for the whole sweep (retries included, shared answers not)
 * @param timeout     how long one query waits for its answer before it is asked again
 * @param attempts    queries at most for one lookup: the first, then retries after timeouts
 */
public record SweepSettings(Endpoint dns, int concurrency, int rate, Duration timeout, int attempts) {
    public static final int DEFAULT_CONCURRENCY = 64;
    public static final int DEFAULT_RATE = 200;
    /** Two seconds, three attempts: a resolver that has not answered a query in 6 s will not; and each domain that
     * does not answer holds its place among those in flight that long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_ATTEMPTS = 3;

    /** Bad values give an IllegalArgumentException naming the option and its range. */
    public SweepSettings {
        if (concurrency < 1 || concurrency > 10_000) {
            throw new IllegalArgumentException("concurrency: 1 to 10000 domains at once");
        }
        if (rate < 1 || rate > 1_000_000) {
            throw new IllegalArgumentException("rate: 1 to 1000000 queries per second");
        }
        if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("timeout: 0.01 to 60 seconds");
        }
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("retries: 0 to 9");
        }
    }

    /**
     * How long one domain's checks may take in all, a safety net: every query times out on its own. An SPF
     * policy is walked one lookup after another (ten at most, each with its retries), and every domain in
     * flight may wait its turn under the rate.
     */
    Duration domainBound() {
        return timeout.multipliedBy(attempts * 12L).plus(queued().multipliedBy(12)).plusSeconds(5);
    }

    /** How long one lookup may take in all, a safety net too: its attempts, after waiting its turn under the rate. */
    Duration lookupBound() {
        return timeout.multipliedBy(attempts).plus(queued()).plusSeconds(5);
    }

    /** The longest wait for a moment under the rate: every domain in flight asking a dozen names at once. */
    private Duration queued() {
        return Duration.ofMillis(1000L * concurrency * 12 / rate);
    }
}
