package org.exdiag.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.exdiag.facts.MailSetup;
import org.exdiag.facts.Offer;
import org.exdiag.probe.Endpoint;
import org.exdiag.sweep.SweepInput;
import org.exdiag.sweep.SweepSettings;

/**
 * The sweep options of the command line, as plain values that travel with each task: the sweep's own
 * objects ({@link SweepSettings}, {@link SweepInput}) are not serializable, so each task builds them
 * from these. The driver builds them once first, so that a bad value stops the job with the option's
 * name before any executor starts.
 */
record SweepOptions(String dns, int concurrency, int rate, long timeoutNanos, int attempts, String offer, String setup,
                    List<String> dkimSelectors) implements Serializable {
    SweepOptions {
        dkimSelectors = List.copyOf(dkimSelectors);
    }

    /** How the sweep runs; a bad value is an IllegalArgumentException naming the option, as {@code exdiag sweep} says it. */
    SweepSettings settings() {
        Endpoint resolver = dns == null ? null : Endpoint.parse(dns, 53);
        return new SweepSettings(resolver, concurrency, rate, Duration.ofNanos(timeoutNanos), attempts);
    }

    /** The defaults of the lines that do not say: as {@code exdiag sweep}, a private offer needs each line's own host. */
    SweepInput input() {
        Offer o = offer == null ? null : SweepInput.offer(offer);
        MailSetup m = setup == null ? null : SweepInput.setup(setup);
        if (o == Offer.PRIVATE) {
            throw new IllegalArgumentException("--offer private: each line names its own private host (domain,private,,HOST)");
        }
        return new SweepInput(o, m, dkimSelectors);
    }
}
