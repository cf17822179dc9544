package org.exdiag.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.exdiag.sweep.SweepOptions;
import org.exdiag.sweep.SweepSettings;
import picocli.CommandLine.Option;

/**
 * A sweep's DNS: the resolver, and how long it waits for each answer (each query's timeout and the retries
 * after one) before a domain is "could not check". Options of {@code exdiag sweep} and of the Spark sweep
 * job alike (a picocli mixin).
 */
public final class SweepDnsOptions {
    @Option(names = "--dns", paramLabel = "HOST[:PORT]",
            description = "Resolver for every lookup (default: the system's; on Spark each executor's, and every executor must reach the one given).")
    String dns;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "How long one DNS query waits for its answer before it is asked again (default: 2; decimals allowed).")
    BigDecimal timeout = BigDecimal.valueOf(SweepSettings.DEFAULT_TIMEOUT.toSeconds());

    @Option(names = "--retries", paramLabel = "N",
            description = "Times a query that timed out is asked again (default: 2); then the record is \"could not check\", never missing.")
    int retries = SweepSettings.DEFAULT_ATTEMPTS - 1;

    /**
     * {@code --timeout} in nanoseconds (its range is checked where the settings are built); a value too
     * large for a long is an ArithmeticException, never wrapped round into the range.
     */
    public long timeoutNanos() {
        return timeout.movePointRight(9).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** Attempts a query gets: the first and the retries. */
    public int attempts() {
        return retries + 1;
    }

    /**
     * A sweep's options from these, the command's own {@code --concurrency} and {@code --rate}, and what the
     * lines leave out, checked: any bad value is an IllegalArgumentException "bad option: ...", worded the
     * same by {@code exdiag sweep} and the Spark sweep job.
     */
    public SweepOptions sweepOptions(int concurrency, int rate, SweepLineDefaults lines) {
        try {
            return new SweepOptions(dns, concurrency, rate, timeoutNanos(), attempts(), lines.offer(), lines.setup(),
                    lines.dkimSelectors()).checked();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("bad option: " + e.getMessage(), e);
        }
    }

    /** {@code --dns} as given (HOST[:PORT]), or null: the system's resolver. */
    public String dns() {
        return dns;
    }
}
