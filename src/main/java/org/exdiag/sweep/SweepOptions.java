package org.exdiag.sweep;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.probe.Endpoint;

/**
 * A sweep's options as plain values, as {@code exdiag sweep}, {@code POST /api/v1/sweep} and the Spark
 * job take them: one place that turns them into the sweep's {@link SweepSettings} and the lines' defaults
 * ({@link SweepInput}), with the same checks and words everywhere. Serializable, so that a Spark task
 * builds its own sweep from them (the sweep's objects are not).
 *
 * @param dns          another resolver (HOST[:PORT]), null for the system's
 * @param timeoutNanos per query
 * @param attempts     tries per query (retries + 1)
 * @param offer        the offer of the lines that do not say, null for each line's own or the default
 * @param setup        the mail setup of the lines that do not say, null likewise
 */
public record SweepOptions(String dns, int concurrency, int rate, long timeoutNanos, int attempts, String offer, String setup,
                           List<String> dkimSelectors) implements Serializable {
    public SweepOptions {
        dkimSelectors = List.copyOf(dkimSelectors);
    }

    /** These options, once both {@link #settings()} and {@link #input()} build: a bad value throws here, before any sweep. */
    public SweepOptions checked() {
        settings();
        input();
        return this;
    }

    /** How the sweep runs; a bad value is an IllegalArgumentException that names it ("rate: 1 to ..."). */
    public SweepSettings settings() {
        Endpoint resolver = dns == null ? null : Endpoint.parse(dns, 53);
        return new SweepSettings(resolver, concurrency, rate, Duration.ofNanos(timeoutNanos), attempts);
    }

    /**
     * The defaults of the lines that do not say; an IllegalArgumentException for an unknown offer or setup, and
     * for the private offer, whose host each line must name (there is no default host).
     */
    public SweepInput input() {
        Offer o = offer == null ? null : SweepInput.offer(offer);
        MailSetup m = setup == null ? null : SweepInput.setup(setup);
        if (o == Offer.PRIVATE) {
            throw new IllegalArgumentException("offer private: each line names its own private host (domain,private,,HOST)");
        }
        return new SweepInput(o, m, dkimSelectors);
    }
}
